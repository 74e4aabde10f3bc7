// The PDF edition: mdBook's print.html, assembled into a report (edition.js), laid out on A4
// pages by Paged.js and printed by Debian's headless Chromium through playwright-core.
//
//   node pdf.mjs --html DIR --edition FILE --css FILE [--chromium PATH]
//                [--fallback-date YYYY-MM-DD] [--site-url URL]
//
//   --html           the HTML output of a publish or final build (target/book/html)
//   --edition        the companion renderer's edition.json (title, authors, mode, file, ...)
//   --css            the PDF's own stylesheet (assets/print-pdf.css)
//   --fallback-date  the cover's date when book.toml gives none
//   --site-url       where the site is published: download links print as full addresses
//
// `cargo xtask pdf` runs this. The pages are served to Chromium from disk through request
// interception; nothing is fetched from the network. The last line names the PDF written.

import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
/** Paged.js as a browser script (its package exports only the ES modules). */
const PAGED_JS = join(here, 'node_modules/pagedjs/dist/paged.polyfill.js');
/**
 * The PDF's fonts: Noto Serif SC and Noto Sans SC, regular and bold, as web fonts with
 * TrueType outlines. Chromium embeds TrueType glyphs as real (CID) fonts; the CFF-based
 * Noto CJK of Debian's fonts-noto-cjk would become unnamed Type 3 fonts.
 */
const FONTS = ['noto-serif-sc', 'noto-sans-sc'];
const FONT_WEIGHTS = ['400', '700'];
const FONT_PATH = '/__pdf-fonts/';
/** A made-up origin for the book's files: `.invalid` never resolves. */
const ORIGIN = 'http://report.invalid';
const LAYOUT_TIMEOUT_MS = 300_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function parseArgs(argv) {
  const options = { chromium: process.env.CHROMIUM ?? '/usr/bin/chromium' };
  const names = {
    '--html': 'html',
    '--edition': 'edition',
    '--css': 'css',
    '--chromium': 'chromium',
    '--fallback-date': 'fallbackDate',
    '--site-url': 'siteUrl',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (!name || argv[i + 1] === undefined) throw new Error(`unknown or incomplete argument: ${argv[i]}`);
    options[name] = argv[i + 1];
  }
  for (const required of ['html', 'edition', 'css']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  return options;
}

/** The @font-face rules of the PDF's fonts, their files served under FONT_PATH. */
async function fontFaces() {
  const rules = [];
  for (const font of FONTS) {
    for (const weight of FONT_WEIGHTS) {
      const css = await readFile(join(here, 'node_modules/@fontsource', font, `${weight}.css`), 'utf8');
      rules.push(css.replaceAll('url(./files/', `url(${FONT_PATH}${font}/`));
    }
  }
  return rules.join('\n');
}

/** Answers every request from the HTML output on disk; anything else is refused. */
async function serveFromDisk(context, root) {
  const fonts = join(here, 'node_modules/@fontsource');
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    const pathname = decodeURIComponent(url.pathname);
    if (pathname.startsWith(FONT_PATH)) {
      const [font, file] = pathname.slice(FONT_PATH.length).split('/');
      if (!FONTS.includes(font) || !/^[\w.-]+\.woff2?$/.test(file ?? '')) return route.abort();
      return route.fulfill({ contentType: `font/${extname(file).slice(1)}`, body: await readFile(join(fonts, font, 'files', file)) });
    }
    const path = normalize(join(root, pathname));
    if (path !== root && !path.startsWith(root + sep)) return route.abort();
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      body: await readFile(path),
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const html = resolve(options.html);
  const edition = JSON.parse(await readFile(options.edition, 'utf8'));
  if (!edition.pdf) {
    throw new Error('book.toml has no [output.report.pdf] file = "…": the PDF edition needs a file name');
  }
  edition.date ??= options.fallbackDate ?? new Date().toISOString().slice(0, 10);
  edition.siteUrl = options.siteUrl ?? null;
  const css = await readFile(options.css, 'utf8');

  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    await serveFromDisk(context, html);
    await context.addInitScript(() => {
      // print.html prints itself on load; Paged.js must run when we say, not on load.
      window.print = () => {};
      window.PagedConfig = { auto: false };
      localStorage.setItem('mdbook-theme', 'light');
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${ORIGIN}/print.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);

    // The fonts stay out of Paged.js's hands (data-pagedjs-ignore): they only need to load.
    await page.evaluate((rules) => {
      const style = document.createElement('style');
      style.dataset.pagedjsIgnore = '';
      style.textContent = rules;
      document.head.append(style);
    }, await fontFaces());
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ path: join(here, 'edition.js') });
    // Built and measured with the print styles, as Paged.js will lay it out.
    await page.emulateMedia({ media: 'print' });
    const counts = await page.evaluate((edition) => window.reportEdition.prepare(edition), edition);
    await page.emulateMedia({ media: null });
    await page.evaluate(() => document.fonts.ready);
    await page.addScriptTag({ path: PAGED_JS });
    page.setDefaultTimeout(LAYOUT_TIMEOUT_MS);
    const { pages, front } = await page.evaluate(() => window.reportEdition.paginate());
    await page.evaluate(() => document.fonts.ready);
    if (problems.length) throw new Error(`errors in the page: ${problems.join('; ')}`);

    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
    });
    const out = join(html, edition.pdf);
    await writeFile(out, pdf);
    console.log(
      `${pages} pages (${front} before the first chapter): ${counts.chapters} chapters, ${counts.figures} figures, ${counts.tables} tables ` +
        `(${edition.mode} edition, ${(pdf.length / 1024 / 1024).toFixed(1)} MB)`,
    );
    console.log(`pdf: ${out}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`pdf.mjs: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
