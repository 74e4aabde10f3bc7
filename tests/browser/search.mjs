// Browser tests of the report's search (assets/search-zh.js over mdBook's searcher.js):
// the terms readers type find every chapter that has them, teasers quote prose, the box
// and its results speak Chinese, and text that arrives without a key release (paste, an
// input method committing its text) is searched too.
//
// Each test gets run.mjs's context: { browser, url, pages: [{ file, html }] }.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCREENSHOT_DIR = resolve(
  process.env.SCREENSHOT_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '../../target/browser'),
);

/** Terms from the report that mdBook's own index misses or ranks by chart ticks. */
const TERMS = ['CDMO', 'ICH', 'PIC/S', 'License-out', '原料药'];
/** Words a reader may try that the report does not use: the first absent one is searched. */
const ABSENT = ['许可', '专利悬崖', '带量采购', '仿制药一致性评价'];
/** A run of numbers separated by spaces: chart ticks or table cells, not prose. */
const NUMBER_RUN = /(?:[-+]?\d[\d.,%]*\s+){2,}[-+]?\d/;
/** Pages that are no section of the search index: index.html repeats the first chapter. */
const NOT_INDEXED = new Set(['index.html']);

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

/** Text as search compares it: full-width forms folded, lower case, one kind of dash. */
const fold = (text) =>
  text.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, '');

async function open(context, { width = 1280, height = 900 } = {}) {
  const browserContext = await context.browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  const page = await browserContext.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(context.url + 'index.html', { waitUntil: 'load' });
  await page.click('#mdbook-search-toggle');
  const bar = page.locator('#mdbook-searchbar');
  await bar.waitFor({ state: 'visible' });
  // The index loads when the box opens.
  await page.waitForFunction(() => window.search?.index !== undefined, null, { timeout: 10_000 });
  return { page, bar, errors, close: () => browserContext.close() };
}

/** The readable text of every indexed page, as the browser parses it (no drawings). */
async function pageTexts(page, pages) {
  const files = pages.map((p) => p.file).filter((file) => !NOT_INDEXED.has(file));
  return page.evaluate(async (files) => {
    const texts = {};
    for (const file of files) {
      const html = await (await fetch('/' + file)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      doc.querySelectorAll('svg, script, style, [hidden]').forEach((el) => el.remove());
      texts[file] = (doc.querySelector('main') ?? doc.body).textContent;
    }
    return texts;
  }, files);
}

/** Every result of a query, from the same index and search the box uses, as pages. */
async function allResults(page, query) {
  return page.evaluate((query) => {
    const index = elasticlunr.Index.load(window.search.index);
    const found = index.search(query, window.search.search_options);
    return found.map((r) => window.search.doc_urls[r.ref].split('#')[0]);
  }, query);
}

/** What the box shows after `type` put a query in: the header and each result. */
async function shown(page) {
  await page
    .waitForFunction(() => document.getElementById('mdbook-searchresults-header').textContent !== '', null, {
      timeout: 10_000,
    })
    .catch(() => {});
  return page.evaluate(() => ({
    header: document.getElementById('mdbook-searchresults-header').textContent,
    results: [...document.querySelectorAll('#mdbook-searchresults li')].map((li) => ({
      href: li.querySelector('a').getAttribute('href'),
      teaser: li.querySelector('.teaser')?.textContent ?? '',
      emphasised: [...li.querySelectorAll('.teaser em')].map((em) => em.textContent),
    })),
  }));
}

export const tests = [];
const test = (name, body) => tests.push({ name, body });

test(`search finds every chapter with ${TERMS.join(', ')}, teasers quote prose`, async (context) => {
  const { page, bar, errors, close } = await open(context);
  try {
    const texts = await pageTexts(page, context.pages);
    const notes = [];
    for (const term of TERMS) {
      const want = Object.keys(texts).filter((file) => fold(texts[file]).includes(fold(term)));
      check(want.length > 0, `no page of the book contains ${term}: the test needs another term`);
      const found = new Set(await allResults(page, term));
      const missed = want.filter((file) => !found.has(file));
      check(missed.length === 0, `searching ${term} misses ${missed.join(', ')} (found: ${[...found].join(', ')})`);
      const wrong = [...found].filter((file) => !want.includes(file));
      check(wrong.length === 0, `searching ${term} lists ${wrong.join(', ')}, which do not contain it`);

      await bar.fill('');
      await bar.fill(term);
      await bar.press('End');
      const { header, results } = await shown(page);
      check(results.length > 0, `the box shows no result for ${term} (header: "${header}")`);
      check(
        header.startsWith('找到 ') && header.includes(`“${term}”`),
        `the result count for ${term} is not in Chinese: "${header}"`,
      );
      const top = results[0];
      check(
        fold(top.teaser).includes(fold(term)) && top.emphasised.some((em) => fold(em) === fold(term)),
        `the first teaser for ${term} does not show it emphasised: "${top.teaser}"`,
      );
      const ticks = results.filter((r) => NUMBER_RUN.test(r.teaser) && !r.teaser.startsWith('表格数据'));
      check(
        ticks.length === 0,
        `teasers for ${term} quote runs of numbers as prose: "${ticks[0]?.teaser}"`,
      );
      notes.push(`${term} ${want.length}/${want.length} pages`);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/search-results.png` }).catch(() => {});
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
    return notes.join(', ');
  } finally {
    await close();
  }
});

test('search says in Chinese when a word is not in the report', async (context) => {
  const { page, bar, close } = await open(context);
  try {
    const texts = Object.values(await pageTexts(page, context.pages)).map(fold);
    const absent = ABSENT.find((word) => texts.every((text) => !text.includes(fold(word))));
    check(absent !== undefined, `every candidate word occurs in the report: ${ABSENT.join('、')}`);
    const placeholder = await bar.getAttribute('placeholder');
    check(/[\u4e00-\u9fff]/.test(placeholder ?? ''), `the search box's placeholder is not Chinese: "${placeholder}"`);
    await bar.fill(absent);
    await bar.press('End');
    const { header, results } = await shown(page);
    check(results.length === 0, `searching ${absent} lists ${results.length} results`);
    check(
      header.startsWith(`没有找到“${absent}”`),
      `searching ${absent} does not say so in Chinese: "${header}"`,
    );
    return `${absent}: "${header}"`;
  } finally {
    await close();
  }
});

test('search runs on paste, with no key released', async (context) => {
  const { page, bar, errors, close } = await open(context, { width: 375, height: 812 });
  try {
    await bar.focus();
    // What a paste from the context menu does: the text arrives, no key goes up.
    await page.keyboard.insertText('CDMO');
    const { header, results } = await shown(page);
    check(results.length > 0, `pasting CDMO shows no result (header: "${header}")`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/search-paste-375.png` }).catch(() => {});
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
    return `${results.length} results at 375 px`;
  } finally {
    await close();
  }
});

test('search waits for the input method, then runs on compositionend', async (context) => {
  const { page, close } = await open(context);
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.locator('#mdbook-searchbar').focus();
    // Pinyin being composed is not a query: no search, whatever keys go up meanwhile.
    await cdp.send('Input.imeSetComposition', { text: 'yuan', selectionStart: 4, selectionEnd: 4 });
    // An input method's key releases carry isComposing (CDP cannot send them mid-composition).
    await page.evaluate(() =>
      document
        .getElementById('mdbook-searchbar')
        .dispatchEvent(new KeyboardEvent('keyup', { key: 'n', keyCode: 229, isComposing: true, bubbles: true })),
    );
    await page.waitForTimeout(300);
    const during = await page.evaluate(() => ({
      header: document.getElementById('mdbook-searchresults-header').textContent,
      count: document.querySelectorAll('#mdbook-searchresults li').length,
    }));
    check(
      during.header === '' && during.count === 0,
      `the box searched the pinyin being composed: "${during.header}", ${during.count} results`,
    );
    // Committing the characters ends the composition: compositionend, no key released.
    await page.evaluate(() => {
      window.compositionEnded = false;
      document.getElementById('mdbook-searchbar').addEventListener('compositionend', () => {
        window.compositionEnded = true;
      });
    });
    await cdp.send('Input.insertText', { text: '原料药' });
    const ended = await page
      .waitForFunction(() => window.compositionEnded, null, { timeout: 10_000 })
      .then(() => true, () => false);
    check(ended, 'the input method did not fire compositionend');
    const { header, results } = await shown(page);
    check(results.length > 0, `committing 原料药 shows no result (header: "${header}")`);
    check(header.includes('“原料药”'), `the header does not name the committed query: "${header}"`);
    return `${results.length} results after compositionend`;
  } finally {
    await close();
  }
});
