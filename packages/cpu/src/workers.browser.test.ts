import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

// The browser path, for real: test/browser/entry.ts and src/workerMain.ts bundled side by side for the
// browser (so `new URL('./workerMain.js', import.meta.url)` finds the worker, as in dist/), served on
// localhost and run in Debian's headless Chromium (scripts/check-system.mjs installs it) with Web Workers.

const CHROMIUM = '/usr/bin/chromium';
let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pi-cpu-browser-'));
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({
    entryPoints: { entry: join(root, 'test/browser/entry.ts'), workerMain: join(root, 'src/workerMain.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: dir,
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./entry.js"></script>');
  server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1) || 'index.html';
    const file = join(dir, name);
    if (!/^[\w.]+$/.test(name) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html' : 'text/javascript' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});

afterAll(() => {
  server?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

test('Web Workers in headless Chromium: exact equality, abort with a prefix result, crash → WORKER_FAILED', async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run node scripts/check-system.mjs (apt-get install chromium)`).toBe(true);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => typeof (globalThis as { check?: unknown }).check === 'function');
    const result = await page.evaluate(() => (globalThis as unknown as { check: () => Promise<unknown> }).check());
    const { simdSupported, rows, aborted, crash } = result as {
      simdSupported: boolean;
      rows: { loop: number; simd: number; workers: number; details: Record<string, unknown> }[];
      aborted: { status: string; samples: number; inside: number; prefix: number };
      crash: string;
    };
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
  } finally {
    await browser.close();
  }
}, 60_000);
