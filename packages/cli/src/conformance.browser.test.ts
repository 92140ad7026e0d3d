import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { context as esbuildContext, type BuildContext } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CaseReport } from '../test/conformance.js';

// The conformance table in a browser, for real: test/browser/conformanceEntry.ts is bundled by esbuild
// from the built packages (dist/), as an app would bundle them, with @pi/cpu's worker script beside it,
// served by esbuild on 127.0.0.1 (a secure context: WebGPU needs one) and run in Debian's headless
// Chromium, with WebGPU on SwiftShader. Needs the packages built first (turbo's test task depends on build).

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--use-angle=swiftshader',
  '--enable-features=Vulkan',
  '--no-first-run',
];
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pi-conformance-browser-'));
let builder: BuildContext;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run node scripts/check-system.mjs (apt-get install chromium)`).toBe(true);
  writeFileSync(join(work, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./entry.js"></script>');
  builder = await esbuildContext({
    entryPoints: {
      entry: join(root, 'test/browser/conformanceEntry.ts'),
      workerMain: fileURLToPath(new URL('workerMain.js', import.meta.resolve('@pi/cpu'))),
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: work,
    logLevel: 'error',
  });
  await builder.rebuild();
  const { hosts, port } = await builder.serve({ servedir: work, host: '127.0.0.1' });
  origin = `http://${hosts[0]}:${port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await builder?.dispose();
  rmSync(work, { recursive: true, force: true });
});

interface VariantReport {
  backend: string;
  variant: string;
  probe: { available: boolean; detail: string };
  unavailable?: string;
  reports: CaseReport[];
}

test('every browser backend in headless Chromium: equal to loop, or within 4 standard errors', async ({ annotate }) => {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${origin}/index.html`);
  await tab.waitForFunction(() => typeof (globalThis as { check?: unknown }).check === 'function');
  const found = (await tab.evaluate(() => (globalThis as unknown as { check: () => Promise<unknown> }).check())) as VariantReport[];
  await tab.close();
  expect(errors).toEqual([]);
  // The CPU backends run in every browser with WebAssembly SIMD and workers; the GPU ones say why not.
  const ran = new Set(found.filter((v) => v.unavailable === undefined).map((v) => v.backend));
  for (const id of ['naive', 'loop', 'simd', 'workers']) expect(ran).toContain(id);
  for (const v of found) {
    if (v.unavailable !== undefined) {
      expect(v.unavailable).toMatch(new RegExp(`^${v.backend}\\b`));
      await annotate(`${v.backend} ${v.variant}: not available in this browser: ${v.unavailable}`);
      continue;
    }
    expect({ backend: v.backend, variant: v.variant, failing: v.reports.filter((r) => r.problems.length > 0) }).toEqual({
      backend: v.backend,
      variant: v.variant,
      failing: [],
    });
  }
  await annotate(`ran in Chromium: ${[...ran].join(', ')}`);
}, 600_000);
