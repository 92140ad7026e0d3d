/**
 * Nothing on the site is cut off. In real headless Chromium, every built page is opened at 1280 × 800
 * (a laptop) and every table and code block in the page's content is measured: none may be wider than
 * the column it sits in. At 390 × 844 (a phone) wide tables may scroll, but only inside themselves: the
 * page never scrolls sideways, and a table that scrolls is a scroll container with a visible cue.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from './_staticServer.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

let site: { url: string; close: () => Promise<void> };
let browser: Browser;

// Every page of the site, one after another, on a machine that may be busy: minutes, not seconds.
beforeAll(async () => {
  if (!existsSync(`${dist}/index.html`)) throw new Error(`no built site at ${dist}: run \`pnpm --filter @pi/docs build\` first`);
  site = await serveSite(dist);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every page of the built site, as URL paths. */
function sitePages(dir = dist, prefix = '/'): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== 'assets') out.push(...sitePages(`${dir}/${entry.name}`, `${prefix}${entry.name}/`));
    } else if (entry.name.endsWith('.html') && entry.name !== '404.html') {
      out.push(`${prefix}${entry.name}`);
    }
  }
  return out.sort();
}

/** Tables and code blocks of the page's content wider than their box, with how wide. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const doc = document.querySelector('.vp-doc');
    if (doc === null) return found;
    const column = doc.getBoundingClientRect();
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ');
      return `${el.tagName.toLowerCase()} "${text.slice(0, 60)}"`;
    };
    for (const table of doc.querySelectorAll('table')) {
      // VitePress makes a table its own scroll box; its content is as wide as scrollWidth.
      const width = Math.max(table.scrollWidth, table.getBoundingClientRect().width);
      if (width > column.width + 1) found.push(`${describe(table)}: ${Math.round(width)} px in a ${Math.round(column.width)} px column`);
    }
    for (const pre of doc.querySelectorAll('div[class*="language-"] pre')) {
      const box = pre.getBoundingClientRect();
      if (pre.scrollWidth > pre.clientWidth + 1 || box.right > column.right + 1) {
        found.push(`${describe(pre)}: ${pre.scrollWidth} px of code in ${pre.clientWidth} px`);
      }
    }
    for (const img of doc.querySelectorAll('img, svg')) {
      const box = img.getBoundingClientRect();
      if (box.width > 0 && box.right > column.right + 1)
        found.push(`${img.tagName.toLowerCase()} ${img.getAttribute('src') ?? ''}: ${Math.round(box.width)} px`);
    }
    return found;
  });
}

describe('layout', () => {
  it('no table, code block or figure is wider than its column at 1280 px, on any page', async () => {
    const pages = sitePages();
    expect(pages.length).toBeGreaterThan(20);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    let measured = 0;
    for (const path of pages) {
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      measured += await page.locator('.vp-doc table, .vp-doc div[class*="language-"] pre').count();
      for (const problem of await overflowing(page)) problems.push(`${path}: ${problem}`);
    }
    await context.close();
    // The measure must have something to measure: the guide and tutorial alone hold dozens of blocks.
    expect(measured).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  }, 600_000);

  it('at phone width the page never scrolls sideways, and wide tables scroll inside a cue', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    let scrolling = 0;
    const hand = sitePages().filter((p) => !p.startsWith('/api/'));
    for (const path of hand) {
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      const report = await page.evaluate(() => {
        const wide = [...document.querySelectorAll('.vp-doc table')].filter((t) => t.scrollWidth > t.clientWidth + 1);
        return {
          pageWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          wide: wide.map((t) => ({ overflow: getComputedStyle(t).overflowX, cue: getComputedStyle(t).backgroundImage })),
        };
      });
      if (report.pageWidth > report.viewport + 1)
        problems.push(`${path}: the page is ${report.pageWidth} px wide on a ${report.viewport} px screen`);
      for (const table of report.wide) {
        scrolling++;
        if (table.overflow !== 'auto' && table.overflow !== 'scroll')
          problems.push(`${path}: a wide table does not scroll (overflow-x ${table.overflow})`);
        if (!table.cue.includes('gradient')) problems.push(`${path}: a wide table scrolls without a visible cue`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
    // Some tables are wider than a phone (the benchmarks, the options tables): the cue was checked on them.
    expect(scrolling).toBeGreaterThan(0);
  }, 300_000);
});
