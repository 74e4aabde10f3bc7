// Browser tests of the built report, in Debian's headless Chromium through playwright-core.
//
//   BOOK_DIR        the built HTML book (default: ../../target/book/html, where mdBook writes
//                   it beside the report's companion renderer; ../../target/book if absent)
//   SCREENSHOT_DIR  where screenshots go (default: ../../target/browser)
//   CHROMIUM        the browser binary (default: /usr/bin/chromium; never downloaded)
//
// `cargo xtask test` builds the book and runs this. It prints one line per test and closes
// with `N passed, N failed`; any failure makes the exit status 1.

import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { register as registerProgress } from './progress.mjs';
import { serve } from './server.mjs';
import { tests as searchTests } from './search.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BUILD_DIR = join(here, '../../target/book');
const BOOK_DIR = resolve(
  process.env.BOOK_DIR ?? (existsSync(join(BUILD_DIR, 'html/index.html')) ? join(BUILD_DIR, 'html') : BUILD_DIR),
);
const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? join(here, '../../target/browser'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TEST_TIMEOUT_MS = 90_000;

/** A word of the report that mdBook's search must find. */
const SEARCH_WORD = '原料药';
/** Pages that are not chapters: the print page gathers them all, the others are chrome. */
const NOT_CHAPTERS = new Set(['print.html', '404.html', 'toc.html']);
const CHART_TAG = /<svg\b[^>]*\bclass="[^"]*\breport-chart\b[^"]*"[^>]*>/g;
const CHART = /<svg\b[^>]*\bclass="[^"]*\breport-chart\b[^"]*"[^>]*>[\s\S]*?<\/svg>/g;

const tests = [];
const test = (name, body) => tests.push({ name, body });
tests.push(...searchTests);

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

/** Chapter pages (relative paths, sorted), each with its HTML. */
async function chapterPages() {
  const files = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.html')) files.push(relative(BOOK_DIR, path));
    }
  }
  await walk(BOOK_DIR);
  files.sort();
  const pages = [];
  for (const file of files.filter((file) => !NOT_CHAPTERS.has(file))) {
    pages.push({ file, html: await readFile(join(BOOK_DIR, file), 'utf8') });
  }
  return pages;
}

const chartCount = (html) => html.match(CHART_TAG)?.length ?? 0;

function chartPages(pages) {
  const withCharts = pages.filter((page) => chartCount(page.html) > 0);
  check(
    withCharts.length > 0,
    `no page of ${BOOK_DIR} contains an <svg class="report-chart">: the report has no charts yet`,
  );
  return withCharts;
}

async function newPage(context, { theme, width = 1280, height = 900 } = {}) {
  const browserContext = await context.browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  if (theme) {
    await browserContext.addInitScript((theme) => {
      localStorage.setItem('mdbook-theme', theme);
    }, theme);
  }
  const page = await browserContext.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, close: () => browserContext.close() };
}

test('chart text follows the theme (light and coal), with screenshots', async (context) => {
  const [first] = chartPages(context.pages);
  const seen = {};
  for (const theme of ['light', 'coal']) {
    const { page, close } = await newPage(context, { theme });
    try {
      await page.goto(context.url + first.file, { waitUntil: 'load' });
      const applied = await page.evaluate((theme) => document.documentElement.classList.contains(theme), theme);
      check(applied, `${first.file}: the ${theme} theme was not applied`);
      const chart = page.locator('svg.report-chart').first();
      await chart.scrollIntoViewIfNeeded();
      const figure = page.locator('figure:has(svg.report-chart)').first();
      const target = (await figure.count()) > 0 ? figure : chart;
      await target.screenshot({ path: join(SCREENSHOT_DIR, `chart-${theme}.png`) });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `page-${theme}.png`) });
      seen[theme] = await page.evaluate(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        const asRgb = (value) => {
          probe.style.color = '';
          probe.style.color = value;
          return getComputedStyle(probe).color;
        };
        const fg = asRgb(getComputedStyle(document.documentElement).getPropertyValue('--fg').trim());
        const svg = document.querySelector('svg.report-chart');
        const texts = [...svg.querySelectorAll('text')].map((text) => ({
          text: text.textContent.trim().slice(0, 20),
          fill: asRgb(getComputedStyle(text).fill),
        }));
        probe.remove();
        return { fg, texts };
      });
    } finally {
      await close();
    }
  }
  const { light, coal } = seen;
  check(light.fg !== coal.fg, `--fg is ${light.fg} in both light and coal`);
  check(light.texts.length > 0, `${first.file}: the first chart has no <text> element`);
  const follows = light.texts.findIndex(
    (text, index) => text.fill === light.fg && coal.texts[index]?.fill === coal.fg,
  );
  const sample = (seen) => seen.texts.slice(0, 3).map((t) => `"${t.text}" ${t.fill}`).join('; ');
  check(
    follows >= 0,
    `${first.file}: no chart text is filled with the theme's --fg ` +
      `(light --fg ${light.fg}: ${sample(light)}; coal --fg ${coal.fg}: ${sample(coal)})`,
  );
  return `${first.file}, "${light.texts[follows].text}": ${light.fg} → ${coal.fg}; screenshots in ${relative(process.cwd(), SCREENSHOT_DIR)}`;
});

test('no chart overflows a 375-px-wide phone screen', async (context) => {
  const pages = chartPages(context.pages);
  const problems = [];
  let charts = 0;
  for (const { file } of pages) {
    const { page, close } = await newPage(context, { width: 375, height: 812 });
    try {
      await page.goto(context.url + file, { waitUntil: 'load' });
      const result = await page.evaluate(() => ({
        width: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        // Each chart is drawn wide and narrow and CSS shows one: check the one shown.
        boxes: [...document.querySelectorAll('svg.report-chart')].filter((svg) => svg.checkVisibility()).map((svg) => {
          const box = svg.getBoundingClientRect();
          return { left: box.left, right: box.right, width: box.width };
        }),
      }));
      charts += result.boxes.length;
      result.boxes.forEach((box, index) => {
        if (box.left < -0.5 || box.right > 375.5 || box.width === 0) {
          problems.push(`${file}: chart ${index + 1} spans ${box.left.toFixed(0)}–${box.right.toFixed(0)} px`);
        }
      });
      if (result.scrollWidth > 375) {
        problems.push(`${file}: the page scrolls sideways (scrollWidth ${result.scrollWidth} px)`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `overflow-${file.replaceAll('/', '_')}.png`), fullPage: true });
      }
    } finally {
      await close();
    }
  }
  check(problems.length === 0, problems.join('\n'));
  return `${charts} charts on ${pages.length} pages`;
});

test(`search finds ${SEARCH_WORD}`, async (context) => {
  const pagesWithWord = context.pages.filter((page) => page.html.includes(SEARCH_WORD));
  check(pagesWithWord.length > 0, `no page of the book contains ${SEARCH_WORD}: pick another word`);
  const { page, errors, close } = await newPage(context);
  try {
    await page.goto(context.url + 'index.html', { waitUntil: 'load' });
    await page.click('#mdbook-search-toggle');
    const searchbar = page.locator('#mdbook-searchbar');
    await searchbar.waitFor({ state: 'visible' });
    // mdBook searches on keyup; typing CJK goes through an IME, so fill, then release a key.
    await searchbar.fill(SEARCH_WORD);
    await searchbar.press('End');
    const results = page.locator('#mdbook-searchresults li');
    await results
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => {});
    const count = await results.count();
    const header = await page.locator('#mdbook-searchresults-header').textContent();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'search.png') });
    check(
      count > 0,
      `searching ${SEARCH_WORD} found nothing (header: "${header?.trim()}"), ` +
        `though ${pagesWithWord.length} pages contain it` +
        (errors.length ? `; page errors: ${errors.join('; ')}` : ''),
    );
    const first = await results.first().locator('a').getAttribute('href');
    return `${count} results, first ${first}`;
  } finally {
    await close();
  }
});

test('print.html holds every chart of the chapters', async (context) => {
  const pages = chartPages(context.pages);
  const inChapters = pages.reduce((sum, page) => sum + chartCount(page.html), 0);
  const print = await readFile(join(BOOK_DIR, 'print.html'), 'utf8');
  const inPrint = chartCount(print);
  check(inPrint === inChapters, `print.html has ${inPrint} charts, the chapters ${inChapters}`);
  // One page holds every chapter there: ids inside charts must not collide.
  const seen = new Map();
  for (const svg of print.match(CHART) ?? []) {
    for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const duplicates = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  check(duplicates.length === 0, `ids repeated across charts in print.html: ${duplicates.slice(0, 10).join(', ')}`);
  return `${inPrint} charts`;
});

registerProgress({ test, check, newPage, bookDir: BOOK_DIR, screenshotDir: SCREENSHOT_DIR });

async function main() {
  const context = {};
  let passed = 0;
  let failed = 0;
  const fail = (name, error) => {
    failed += 1;
    console.log(`not ok - ${name}`);
    const text = error instanceof Failure ? error.message : (error?.stack ?? String(error));
    for (const line of text.split('\n')) console.log(`    ${line}`);
  };
  try {
    if (!existsSync(join(BOOK_DIR, 'index.html'))) {
      throw new Failure(`${BOOK_DIR}/index.html is missing: build the book first (cargo xtask test does)`);
    }
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    context.pages = await chapterPages();
    context.server = await serve(BOOK_DIR);
    context.url = context.server.url;
    context.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--headless',
      ],
    });
    console.log(`browser tests: ${BOOK_DIR} at ${context.url} in Chromium ${context.browser.version()}`);
    for (const { name, body } of tests) {
      let timer;
      try {
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Failure(`timed out after ${TEST_TIMEOUT_MS / 1000}s`)), TEST_TIMEOUT_MS);
        });
        const note = await Promise.race([body(context), timeout]);
        passed += 1;
        console.log(`ok - ${name}${note ? ` (${note})` : ''}`);
      } catch (error) {
        fail(name, error);
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (error) {
    // Set-up failed: every test that did not run counts as failed.
    for (const { name } of tests.slice(passed + failed)) fail(name, error);
  } finally {
    await context.browser?.close().catch(() => {});
    await context.server?.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
