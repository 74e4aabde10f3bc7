// Browser tests for readers on phones (issue 10): on every report page, at 320, 375 and
// 1280 px in all five mdBook themes, with every <details> open (the data under each
// chart): every chart text renders at 11 px or more, no chart text is clipped by its
// drawing or overlaps another (by the browser's own font metrics), tables that are wider
// than the column scroll in their own box with a shadow at the edge, captions and source
// lines stay on the screen, numbers are right-aligned in tabular digits, and the page
// never scrolls sideways. Screenshots of every page at 375 px in light and coal go to
// target/browser/phone-*.png for a person to look at.
//
// run.mjs registers these with `register({ test, check, newPage, bookDir, screenshotDir })`;
// a11y.mjs shares the helpers.

import { join } from 'node:path';

export const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];
export const PHONE_WIDTHS = [320, 375];
export const DESKTOP_WIDTH = 1280;
/** Each test goes through every page (in every theme): longer than the harness's default. */
const SLOW = 240_000;
/** The smallest chart text a reader must get, in CSS px. */
const MIN_TEXT_PX = 11;
/** Glyphs of a line sit this far above and below its baseline (ems): boxes for overlaps. */
const INK_ABOVE = 0.8;
const INK_BELOW = 0.12;

/** Pages a reader reads: index.html repeats the first chapter, so it is left out. */
export function readerPages(pages) {
  return pages.filter((page) => page.file !== 'index.html');
}

/** Switches the theme the way a reader does, through mdBook's theme menu. */
export async function setTheme(page, theme) {
  await page.evaluate((theme) => document.getElementById(`mdbook-theme-${theme}`).click(), theme);
  const applied = await page.evaluate((theme) => document.documentElement.classList.contains(theme), theme);
  if (!applied) throw new Error(`the ${theme} theme was not applied`);
}

/** Opens every <details> of the page (查看图表数据) and waits for its fonts. */
export async function openEverything(page) {
  await page.evaluate(async () => {
    document.querySelectorAll('details').forEach((details) => {
      details.open = true;
    });
    await document.fonts.ready;
  });
}

/** Runs in the page: the chart text a reader gets, and whether the page scrolls sideways. */
function inspect({ inkAbove, inkBelow }) {
  const problems = [];
  let smallest = { px: Infinity, text: '' };
  let charts = 0;
  for (const svg of document.querySelectorAll('svg.report-chart')) {
    const box = svg.getBoundingClientRect();
    if (getComputedStyle(svg).display === 'none' || box.width === 0) continue;
    charts += 1;
    const figure = svg.closest('figure')?.id ?? '?';
    const scale = box.width / svg.viewBox.baseVal.width;
    const inks = [];
    for (const text of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      const label = text.textContent.trim();
      if (size < smallest.px) smallest = { px: size, text: `${figure} "${label}"` };
      const rect = text.getBoundingClientRect();
      const baseline = box.top + text.y.baseVal[0].value * scale;
      const ink = {
        left: rect.left,
        right: rect.right,
        top: baseline - inkAbove * size,
        bottom: baseline + inkBelow * size,
        label,
      };
      if (
        ink.left < box.left - 0.5 ||
        ink.right > box.right + 0.5 ||
        ink.top < box.top - 0.5 ||
        ink.bottom > box.bottom + 0.5
      ) {
        problems.push(`${figure}: "${label}" is clipped by its chart`);
      }
      inks.push(ink);
    }
    for (let i = 0; i < inks.length; i += 1) {
      for (let j = i + 1; j < inks.length; j += 1) {
        const [a, b] = [inks[i], inks[j]];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) problems.push(`${figure}: "${a.label}" overlaps "${b.label}"`);
      }
    }
  }
  // Tables: a box that scrolls shows a cue at its edges; captions and source lines stay
  // within the screen; numbers are right-aligned in tabular digits.
  let boxes = 0;
  for (const box of document.querySelectorAll('.report-scroll, .table-wrapper')) {
    const where = box.closest('[id]')?.id ?? box.className;
    if (box.scrollWidth > box.clientWidth + 1) {
      boxes += 1;
      const style = getComputedStyle(box);
      const cue = style.backgroundAttachment.split(',').filter((a) => a.trim() === 'scroll').length;
      const shade = style.getPropertyValue('--report-scroll-shadow');
      if (style.overflowX !== 'auto' || cue < 2 || !/rgba\(.*,\s*0?\.\d+\)/.test(shade)) {
        problems.push(`${where}: a table wider than its box shows no edge shadow`);
      }
    }
  }
  const screen = { left: 0, right: window.innerWidth };
  for (const el of document.querySelectorAll('.report-table caption, .report-source, .report-gap-note, figcaption')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.left < screen.left - 0.5 || r.right > screen.right + 0.5)) {
      problems.push(`${el.closest('[id]')?.id ?? '?'}: "${el.textContent.trim().slice(0, 20)}" runs off the screen (${Math.round(r.left)}–${Math.round(r.right)} px)`);
    }
  }
  for (const cell of document.querySelectorAll('.report-scroll tbody td.num')) {
    const style = getComputedStyle(cell);
    if (!['right', 'end'].includes(style.textAlign) || !style.fontVariantNumeric.includes('tabular-nums')) {
      problems.push(`${cell.closest('[id]')?.id ?? '?'}: number "${cell.textContent}" is not right-aligned in tabular digits`);
      break;
    }
  }
  const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => !el.closest('.report-scroll'))
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className.baseVal ?? el.className}">`);
    problems.push(`the page scrolls sideways (${scrollWidth} px wide): ${wide.join(', ')}`);
  }
  return { problems, smallest, charts, boxes };
}

export function register({ test, check, newPage, screenshotDir }) {
  for (const width of [...PHONE_WIDTHS, DESKTOP_WIDTH]) {
    test(`at ${width} px in every theme, with every <details> open: chart text ≥ ${MIN_TEXT_PX} px, none clipped or overlapping, no sideways scroll`, async (context) => {
      const pages = readerPages(context.pages);
      const { page, errors, close } = await newPage(context, { width, height: 800 });
      const problems = [];
      let smallest = { px: Infinity, text: '' };
      let charts = 0;
      let boxes = 0;
      try {
        for (const { file } of pages) {
          await page.goto(context.url + file, { waitUntil: 'load' });
          await openEverything(page);
          for (const theme of THEMES) {
            await setTheme(page, theme);
            const seen = await page.evaluate(inspect, { inkAbove: INK_ABOVE, inkBelow: INK_BELOW });
            problems.push(...seen.problems.map((p) => `${file} (${theme}): ${p}`));
            if (seen.smallest.px < smallest.px) smallest = { ...seen.smallest, text: `${file} ${seen.smallest.text}` };
            if (seen.smallest.px < MIN_TEXT_PX) {
              problems.push(`${file} (${theme}): ${seen.smallest.text} renders at ${seen.smallest.px.toFixed(1)} px`);
            }
            charts += seen.charts;
            boxes += seen.boxes;
          }
        }
      } finally {
        await close();
      }
      check(errors.length === 0, `page errors: ${errors.join('; ')}`);
      const unique = [...new Set(problems)];
      check(unique.length === 0, unique.slice(0, 30).join('\n'));
      check(charts > 0, 'no chart was visible');
      return `${pages.length} pages, ${charts / THEMES.length} charts, ${boxes / THEMES.length} tables scrolling in their box; smallest chart text ${smallest.px.toFixed(1)} px (${smallest.text})`;
    }, { timeout: SLOW });
  }

  test('screenshots of every page at 375 px in light and coal, data tables open', async (context) => {
    const pages = readerPages(context.pages);
    const { page, close } = await newPage(context, { width: 375, height: 812 });
    const written = [];
    try {
      for (const { file } of pages) {
        await page.goto(context.url + file, { waitUntil: 'load' });
        await openEverything(page);
        for (const theme of ['light', 'coal']) {
          await setTheme(page, theme);
          const name = `phone-${file.replace(/\.html$/, '').replaceAll('/', '_')}-${theme}.png`;
          await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
          written.push(name);
        }
      }
    } finally {
      await close();
    }
    return `${written.length} screenshots in target/browser/phone-*.png`;
  }, { timeout: SLOW });
}
