// Ad-hoc screenshots for review (not a test): viewport-sized shots at chosen elements.
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
const root = process.argv[2];
const out = process.argv[3];
const jobs = JSON.parse(process.argv[4]);
const { url, close } = await serve(root);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [page, selector, width, theme, name] of jobs) {
  const ctx = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 820 }, deviceScaleFactor: 1 });
  await ctx.addInitScript((t) => { localStorage.setItem('mdbook-theme', t); }, theme);
  const p = await ctx.newPage();
  await p.goto(`${url}${page}`);
  if (selector) {
    await p.evaluate((s) => { const e = [...document.querySelectorAll(s)].find((x) => x.getBoundingClientRect().height > 0); if (e) window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 60); }, selector);
  }
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${out}/${name}.png` });
  await ctx.close();
}
await browser.close();
await close();
