/**
 * The built site in real headless Chromium (Debian's /usr/bin/chromium through playwright-core; WebGPU
 * on SwiftShader, no GPU needed): every page loads without console errors, no internal link is broken,
 * and the live demo runs and shows equal counts across reproducible backends.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateLoop } from '@pi/cpu';
import { resolveSitePath, serveSite } from './_staticServer.ts';
import { MIN_CHUNK } from '../demo/runDemo.ts';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const dist = `${docsRoot}dist`;
const screenshots = `${docsRoot}screenshots`;

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-gpu-sandbox',
  '--use-angle=swiftshader',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let site: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(`${dist}/index.html`)) throw new Error(`no built site at ${dist}: run \`pnpm --filter @pi/docs build\` first`);
  site = await serveSite(dist);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a page and collects what would show in the console as an error, and failed same-origin requests. */
async function open(url: string, into?: Page): Promise<{ page: Page; errors: string[] }> {
  const page = into ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page cancels the link prefetches VitePress started on it (net::ERR_ABORTED): not a failure.
    if (request.url().startsWith(site.url) && request.failure()?.errorText !== 'net::ERR_ABORTED') {
      errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (response.url().startsWith(site.url) && response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

/** The ids a built page defines, for checking #anchors. */
function idsOf(file: string): Set<string> {
  return new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

describe('the site', () => {
  it('every page loads without console errors and no internal link is broken', async () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const broken: string[] = [];
    const failures: string[] = [];
    let pages = 0;
    let busy = 0;
    // Two tabs crawl side by side: ~130 pages, most of them the generated API reference.
    const crawler = async () => {
      const page = await context.newPage();
      for (;;) {
        const path = queue.shift();
        if (path === undefined) {
          if (busy === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        busy++;
        const { errors } = await open(`${site.url}${path}`, page);
        pages++;
        if (errors.length > 0) failures.push(`${path}: ${errors.join('; ')}`);
        const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
        page.removeAllListeners();
        for (const href of hrefs) {
          const url = new URL(href);
          if (url.origin !== site.url) continue;
          const file = resolveSitePath(dist, url.pathname);
          if (file === undefined) {
            broken.push(`${path} → ${url.pathname}`);
            continue;
          }
          if (url.hash.length > 1 && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) {
            broken.push(`${path} → ${url.pathname}${url.hash} (no such anchor)`);
          }
          if (file.endsWith('.html') && !seen.has(url.pathname)) {
            seen.add(url.pathname);
            queue.push(url.pathname);
          }
        }
        busy--;
      }
      await page.close();
    };
    await Promise.all([crawler(), crawler()]);
    expect(broken).toEqual([]);
    expect(failures).toEqual([]);
    // The hand-written pages and the generated API reference were all reached from the home page.
    for (const path of ['/guide/getting-started.html', '/guide/reproducibility.html', '/guide/benchmarks.html', '/demo.html', '/api/']) {
      expect([...seen].some((p) => p === path || p === path.replace('.html', ''))).toBe(true);
    }
    expect(pages).toBeGreaterThan(20);
    // Another change adds guide/cluster.md; once it exists it must be in the sidebar (and so crawled).
    if (existsSync(`${docsRoot}guide/cluster.md`)) expect(seen.has('/guide/cluster.html')).toBe(true);
  }, 600_000);

  it('the benchmarks page shows BENCHMARKS.md, or says how to make it, never invented numbers', async () => {
    const { page } = await open(`${site.url}/guide/benchmarks.html`);
    const text = await page.locator('main').innerText();
    if (existsSync(`${docsRoot}../../BENCHMARKS.md`)) expect(text).toContain('Measured data');
    else expect(text).toContain('No measurements yet');
    expect(text).toContain('pi bench --markdown BENCHMARKS.md');
    await page.close();
  });
});

/** Runs the demo on one backend and returns the inside count of the newest run row. */
async function runDemo(page: Page, backend: string, samples: string, seed: string): Promise<{ inside: number; equality: string }> {
  await page.locator(`[data-test="backend-${backend}"]`).check();
  await page.locator('[data-test="samples"]').fill(samples);
  await page.locator('[data-test="seed"]').fill(seed);
  const rowsBefore = await page.locator('[data-test="runs"] tbody tr').count();
  await page.locator('[data-test="run"]').click();
  await page.locator('[data-test="runs"] tbody tr').nth(rowsBefore).waitFor({ timeout: 90_000 });
  // Reproducible non-loop backends are then checked against loop; wait until the page has said so.
  await page.waitForFunction(() => document.querySelector('[data-test="run"]')?.textContent?.trim() === 'Run', null, { timeout: 90_000 });
  const row = page.locator('[data-test="runs"] tbody tr').first();
  expect(await row.getAttribute('data-backend')).toMatch(new RegExp(`^${backend}(-|$)`));
  const inside = Number((await row.locator('[data-test="row-inside"]').innerText()).replace(/,/g, ''));
  const equality = (await row.locator('[data-test="row-equality"]').getAttribute('data-equal')) ?? '';
  return { inside, equality };
}

describe('the live demo', () => {
  let page: Page;
  let errors: string[];
  let available: Record<string, boolean>;

  beforeAll(async () => {
    ({ page, errors } = await open(`${site.url}/demo.html`));
    await page.locator('[data-test="backend-detail"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-test="webgpu-status"]')?.textContent?.includes('Looking'));
    await page.waitForFunction(() => (document.querySelector('[data-test="backend-detail"]')?.textContent ?? '').includes('here'));
    available = await page.$$eval('.pi-demo__backend', (labels) =>
      Object.fromEntries(labels.map((l) => [l.querySelector('.pi-demo__name')?.textContent ?? '', !l.classList.contains('is-off')])),
    );
  });

  afterAll(async () => {
    await page?.close();
  });

  it('runs loop off the main thread and shows the same count as estimateLoop in Node', async () => {
    const { inside } = await runDemo(page, 'loop', '3M', '1234');
    const reference = await estimateLoop({ samples: 3_000_000, seed: 1234 });
    expect(inside).toBe(reference.inside);
    const result = page.locator('[data-test="result"]');
    expect(await result.getAttribute('data-status')).toBe('completed');
    expect(await result.innerText()).toContain('95% interval');
    // The chart drew one point per chunk: 3M points are 46 streams, cut into chunks of at least 2^19
    // points (5 of them), so the chunks' overhead stays small beside the counting.
    const d = (await page.locator('[data-test="chart"] path.estimate').getAttribute('d')) ?? '';
    expect(d.split(/[ML]/).filter((s) => s.trim() !== '').length).toBe(Math.floor(3_000_000 / MIN_CHUNK));
    expect(errors).toEqual([]);
  });

  it('says whether WebGPU is here, and keeps the CPU backends usable either way', async () => {
    const status = page.locator('[data-test="webgpu-status"]');
    const text = await status.innerText();
    const gpu = await page.evaluate(async () => {
      const g = (navigator as Navigator & { gpu?: GPU }).gpu;
      return g !== undefined && (await g.requestAdapter()) !== null;
    });
    expect(await status.getAttribute('data-available')).toBe(gpu ? 'yes' : 'no');
    expect(text).toMatch(gpu ? /WebGPU: (available|a software adapter)/ : /No WebGPU here/);
    // Chromium here has WebGPU only through SwiftShader: the page must say it is software, and why
    // that matters for the times it shows.
    const software = await page.evaluate(async () => {
      const info = (await (navigator as Navigator & { gpu?: GPU }).gpu?.requestAdapter())?.info;
      return /swiftshader/i.test(`${info?.vendor} ${info?.architecture} ${info?.description}`);
    });
    expect(software).toBe(true);
    expect(text).toContain('WebGPU: a software adapter');
    expect(await page.locator('[data-test="software-note"]').innerText()).toMatch(/CPU's, not a GPU's/);
    expect(available['loop']).toBe(true);
  });

  it('runs every reproducible backend it offers with counts equal to loop for the same seed and plan', async () => {
    const offered = ['simd', 'workers', 'webgpu'].filter((b) => available[b] === true);
    // Chromium here has Web Workers, WebAssembly SIMD and WebGPU (SwiftShader): all three must run.
    expect(offered).toEqual(['simd', 'workers', 'webgpu']);
    const reference = await estimateLoop({ samples: 2_000_000, seed: 99 });
    for (const backend of offered) {
      const { inside, equality } = await runDemo(page, backend, '2M', '99');
      expect(inside, backend).toBe(reference.inside);
      expect(equality, `${backend}: the page's own check against loop`).toBe('yes');
    }
    expect(errors).toEqual([]);
  });

  it('runs tfjs tensors and marks them not reproducible', async () => {
    expect(available['tfjs']).toBe(true);
    await runDemo(page, 'tfjs', '300k', '5');
    const row = page.locator('[data-test="runs"] tbody tr').first();
    expect(await row.locator('[data-test="row-equality"]').innerText()).toContain('not reproducible by design');
    expect(await row.locator('td').nth(1).innerText()).toBe('—');
    expect(errors).toEqual([]);
  });

  it('a backend that is not available says why and cannot be run', async () => {
    const off = Object.entries(available)
      .filter(([, on]) => !on)
      .map(([name]) => name);
    for (const name of off) {
      await page.locator(`[data-test="backend-${name}"]`).check();
      expect(await page.locator('[data-test="backend-detail"]').innerText()).toContain('Cannot run here');
      expect(await page.locator('[data-test="run"]').isDisabled()).toBe(true);
    }
    await page.locator('[data-test="backend-loop"]').check();
  });

  it('refuses bad input with one line naming the option, in place of the previous result', async () => {
    expect(await page.locator('[data-test="result"]').count()).toBe(1);
    await page.locator('[data-test="samples"]').fill('-5');
    await page.locator('[data-test="run"]').click();
    expect(await page.locator('[data-test="error"]').innerText()).toMatch(/samples/);
    // The refused request's error stands alone: the last run's estimate and chart are gone.
    expect(await page.locator('[data-test="result"]').count()).toBe(0);
    expect(await page.locator('[data-test="chart"]').count()).toBe(0);
    await page.locator('[data-test="samples"]').fill('1M');
    await page.locator('[data-test="seed"]').fill('1.5');
    await page.locator('[data-test="run"]').click();
    expect(await page.locator('[data-test="error"]').innerText()).toMatch(/seed/);
    await page.locator('[data-test="seed"]').fill('1');
  });
});

describe('screenshots', () => {
  it('at desktop and phone widths', async () => {
    mkdirSync(screenshots, { recursive: true });
    const shots = [
      { name: 'home', path: '/' },
      { name: 'getting-started', path: '/guide/getting-started.html' },
      { name: 'benchmarks', path: '/guide/benchmarks.html' },
      ...['index', 'jit', 'loops', 'dataframes', 'workers', 'gpus', 'transfers', 'timings'].map((chapter) => ({
        name: `tutorial-${chapter}`,
        path: `/tutorial/${chapter}.html`,
      })),
      { name: 'demo', path: '/demo.html', run: true },
    ];
    for (const viewport of [
      { label: 'desktop', width: 1280, height: 800 },
      { label: 'phone', width: 390, height: 844 },
    ]) {
      const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      for (const shot of shots) {
        const page = await ctx.newPage();
        await page.goto(`${site.url}${shot.path}`, { waitUntil: 'load' });
        if (shot.run === true) {
          await page.locator('[data-test="run"]').waitFor();
          await page.waitForFunction(() => (document.querySelector('[data-test="backend-detail"]')?.textContent ?? '').includes('here'));
          await page.locator('[data-test="samples"]').fill('20M');
          await page.locator('[data-test="run"]').click();
          await page.locator('[data-test="result"]').waitFor({ timeout: 90_000 });
          await page.locator('[data-test="chart"]').scrollIntoViewIfNeeded();
        }
        const file = `${screenshots}/${shot.name}-${viewport.label}.png`;
        await page.screenshot({ path: file, fullPage: shot.run !== true });
        expect(existsSync(file)).toBe(true);
        await page.close();
      }
      await ctx.close();
    }
  }, 600_000);
});
