// Accessibility of the report pages (issue 10): axe-core (injected from npm's axe-core)
// finds no serious or critical violation on any report page at 375 and 1280 px in all five
// mdBook themes, with every <details> open; and, since axe does not judge text drawn in an
// SVG, every chart text has 4.5:1 contrast and every axis line 3:1 against the page, in
// every theme and in print.
//
// Nothing is left out of axe: the progress page passes since the progress stream's rewrite,
// and mdBook's own chrome passes with the theme's fixes in assets/report.css (colours) and
// assets/chrome.js (the sidebar button, scrolling code and tables).
//
// Every rule runs in the light theme; in the other themes only the rules whose outcome a
// theme can change (colours), which keeps the run short.
//
// run.mjs registers these with `register({ test, check, newPage, bookDir, screenshotDir })`.

import { createRequire } from 'node:module';

import { evaluateWithColours } from './helpers.mjs';
import { THEMES, openEverything, readerPages, setTheme } from './phone.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Selectors axe leaves out: none (see above). */
const EXCLUDED = [];
/** The rules a theme can change the outcome of. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const WIDTHS = [375, 1280];
/** Each test goes through every page in every theme: longer than the harness's default. */
const SLOW = 300_000;
/** WCAG AA: text, and graphics a reader needs (1.4.11). */
const TEXT = 4.5;
const GRAPHICS = 3;

/** Runs in the page: contrast of every visible chart text and axis line, against the
 * page's background or, with `paper`, against white paper (browsers print no
 * backgrounds). */
function chartContrast({ text, graphics, paper }, { rgba, blend, background, ratio }) {
  const problems = [];
  let lowest = { ratio: Infinity, what: '' };
  const note = (value, what, min) => {
    if (value < lowest.ratio) lowest = { ratio: value, what };
    if (value < min) problems.push(`${what}: ${value.toFixed(2)}:1`);
  };
  for (const svg of document.querySelectorAll('svg.report-chart')) {
    if (getComputedStyle(svg).display === 'none' || svg.getBoundingClientRect().width === 0) continue;
    const figure = svg.closest('figure')?.id ?? '?';
    const bg = paper ? [255, 255, 255] : background(svg);
    for (const t of svg.querySelectorAll('text')) {
      const style = getComputedStyle(t);
      const fill = rgba(style.fill);
      if (!fill) continue;
      const alpha = fill[3] * Number(style.fillOpacity) * Number(style.opacity);
      note(ratio(blend([...fill.slice(0, 3), alpha], bg), bg), `${figure} text "${t.textContent.trim()}"`, text);
    }
    for (const line of svg.querySelectorAll('.axis *')) {
      if (line.tagName === 'svg') continue;
      const style = getComputedStyle(line);
      const stroke = rgba(style.stroke);
      if (!stroke) continue;
      const alpha = stroke[3] * Number(style.strokeOpacity) * Number(style.opacity);
      note(ratio(blend([...stroke.slice(0, 3), alpha], bg), bg), `${figure} axis line`, graphics);
    }
  }
  return { problems, lowest };
}

/** Runs in the page: axe's serious and critical violations (of `rules` only, if given). */
async function runAxe({ exclude, rules }) {
  const options = { resultTypes: ['violations'] };
  if (rules) options.runOnly = { type: 'rule', values: rules };
  const result = await window.axe.run({ exclude: exclude.map((selector) => [selector]) }, options);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('')}`),
      count: v.nodes.length,
    }));
}

export function register({ test, check, newPage }) {
  for (const width of WIDTHS) {
    test(
      `axe finds no serious or critical violation at ${width} px in any theme; chart text and axes keep their contrast`,
      async (context) => {
        const pages = readerPages(context.pages);
        const { page, close } = await newPage(context, { width, height: 800 });
        const problems = [];
        let lowest = { ratio: Infinity, what: '' };
        try {
          for (const { file } of pages) {
            await page.goto(context.url + file, { waitUntil: 'load' });
            await openEverything(page);
            await page.addScriptTag({ path: AXE });
            for (const theme of THEMES) {
              await setTheme(page, theme);
              const rules = theme === 'light' ? undefined : COLOUR_RULES;
              for (const v of await page.evaluate(runAxe, { exclude: EXCLUDED, rules })) {
                problems.push(`${file} (${theme}): ${v.id} (${v.help}), ${v.count}×: ${v.nodes.join(' | ')}`);
              }
              const contrast = await evaluateWithColours(page, chartContrast, { text: TEXT, graphics: GRAPHICS });
              problems.push(...contrast.problems.map((p) => `${file} (${theme}): ${p}`));
              if (contrast.lowest.ratio < lowest.ratio) {
                lowest = { ...contrast.lowest, what: `${file} (${theme}) ${contrast.lowest.what}` };
              }
            }
          }
        } finally {
          await close();
        }
        check(problems.length === 0, problems.slice(0, 40).join('\n'));
        return `${pages.length} pages × ${THEMES.length} themes; lowest chart contrast ${lowest.ratio.toFixed(2)}:1 (${lowest.what})`;
      },
      { timeout: SLOW },
    );
  }

  test('in print, from every theme: text contrast (axe) and chart text and axes on white paper', async (context) => {
    const pages = readerPages(context.pages);
    const { page, close } = await newPage(context, { width: 1280, height: 800 });
    const problems = [];
    try {
      await page.emulateMedia({ media: 'print' });
      for (const { file } of pages) {
        await page.goto(context.url + file, { waitUntil: 'load' });
        await page.addScriptTag({ path: AXE });
        for (const theme of THEMES) {
          await setTheme(page, theme);
          for (const v of await page.evaluate(runAxe, { exclude: EXCLUDED, rules: ['color-contrast'] })) {
            problems.push(`${file} (${theme}, print): ${v.id}, ${v.count}×: ${v.nodes.join(' | ')}`);
          }
          const contrast = await evaluateWithColours(page, chartContrast, { text: TEXT, graphics: GRAPHICS, paper: true });
          problems.push(...contrast.problems.map((p) => `${file} (${theme}, print): ${p}`));
        }
      }
    } finally {
      await close();
    }
    check(problems.length === 0, problems.slice(0, 30).join('\n'));
    return `${pages.length} pages`;
  }, { timeout: SLOW });
}
