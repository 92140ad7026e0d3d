import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The browser path, for real: test/browser/entry.ts imports the built package (dist/) as an app would,
// is bundled for the browser by Vite (its worker plugin turns `new URL('./workerMain.js', import.meta.url)`
// into a worker chunk) and by esbuild (dist/workerMain.js bundled beside the page, as in dist/), served on
// localhost and run in Debian's headless Chromium (scripts/check-system.mjs installs it) with Web Workers.
// Needs `pnpm --filter @pi/cpu build` first, like the other worker tests.

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
// The subpath first: an alias also matches the paths below its name.
const alias = {
  '@pi/cpu': join(root, 'dist/index.js'),
  '@pi/core/internal': fileURLToPath(import.meta.resolve('@pi/core/internal')),
  '@pi/core': fileURLToPath(import.meta.resolve('@pi/core')),
};
const work = mkdtempSync(join(tmpdir(), 'pi-cpu-browser-'));
let server: Server;
let origin: string;
let browser: Browser;

const page = '<!doctype html><meta charset="utf-8"><script type="module" src="./entry.js"></script>';

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run node scripts/check-system.mjs (apt-get install chromium)`).toBe(true);
  // esbuild: the page and the worker side by side.
  await esbuild({
    entryPoints: { entry: join(root, 'test/browser/entry.ts'), workerMain: join(root, 'dist/workerMain.js') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(work, 'esbuild'),
    alias,
    logLevel: 'error',
  });
  writeFileSync(join(work, 'esbuild/index.html'), page);
  // Vite, with its defaults (workers built as classic scripts, 'iife').
  writeFileSync(join(work, 'index.html'), page.replace('./entry.js', './vite-entry.ts'));
  writeFileSync(
    join(work, 'vite-entry.ts'),
    `import { check } from ${JSON.stringify(join(root, 'test/browser/entry.ts'))};\n(globalThis as { check?: unknown }).check = check;\n`,
  );
  await viteBuild({
    root: work,
    configFile: false,
    base: './',
    logLevel: 'error',
    resolve: { alias },
    build: { outDir: join(work, 'vite'), emptyOutDir: true },
  });
  server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^[/\\]+/, '');
    const file = join(work, path.endsWith('/') || path === '' ? `${path}index.html` : path);
    if (!file.startsWith(work) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html' : 'text/javascript' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

interface PageResult {
  simdSupported: boolean;
  rows: { loop: number; simd: number; workers: number; details: Record<string, unknown> }[];
  aborted: { status: string; samples: number; inside: number; prefix: number };
  crash: string;
}

describe('workers on Web Workers in headless Chromium', () => {
  for (const bundler of ['vite', 'esbuild']) {
    test(`${bundler} bundle: exact equality, abort with a prefix result, crash → WORKER_FAILED`, async () => {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${origin}/${bundler}/index.html`);
      await tab.waitForFunction(() => typeof (globalThis as { check?: unknown }).check === 'function');
      const { simdSupported, rows, aborted, crash } = (await tab.evaluate(() =>
        (globalThis as unknown as { check: () => Promise<unknown> }).check(),
      )) as PageResult;
      await tab.close();
      expect(errors).toEqual([]);
      expect(simdSupported).toBe(true);
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(row.simd).toBe(row.loop);
        expect(row.workers).toBe(row.loop);
        expect(row.details).toEqual({ threads: 3, kernel: 'wasm-simd128' });
      }
      expect(rows.map((r) => r.loop)).toContain(25_183); // numba 500 × 64, seed 1234: the CUDA simulator's count
      expect(aborted.status).toBe('aborted');
      expect(aborted.samples % 65_536).toBe(0);
      expect(aborted.inside).toBe(aborted.prefix);
      expect(crash).toBe('WORKER_FAILED');
    }, 60_000);
  }
});
