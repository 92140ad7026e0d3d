/**
 * Every package README opens with one example a reader can paste and run. Here each one runs as the
 * reader would run it: the TypeScript in a Node process of its own against the built packages, the
 * `pi …` lines through the built binary. Each must succeed, print what its comments say, and finish in
 * seconds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTypeScript } from '../scripts/snippetOutput.mjs';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Generous for a loaded two-core machine: the examples take well under a second of counting each. */
const SECONDS = 60;

/** The first code block under the README's `## Example` heading: its language and text. */
function example(pkg: string): { lang: string; code: string } {
  const text = readFileSync(`${repoRoot}packages/${pkg}/README.md`, 'utf8');
  const section = text.split(/^## /m).find((s) => s.startsWith('Example'));
  if (section === undefined) throw new Error(`packages/${pkg}/README.md has no "## Example" section`);
  const block = /```(\w+)\n([\s\S]*?)```/.exec(section);
  if (block === null) throw new Error(`packages/${pkg}/README.md: no code block under "## Example"`);
  return { lang: block[1]!, code: block[2]! };
}

async function runExample(pkg: string): Promise<{ printed: string; seconds: number }> {
  const { lang, code } = example(pkg);
  expect(lang).toBe('ts');
  const dir = `${docsRoot}node_modules/.pi-snippets`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/readme-${pkg}.ts`;
  writeFileSync(file, code);
  const started = performance.now();
  const printed = await runTypeScript(docsRoot, file, `packages/${pkg}/README.md example`);
  return { printed, seconds: (performance.now() - started) / 1000 };
}

describe('README examples', () => {
  it(
    '@pi/core: counts stream 0 by hand and sizes a run for a precision',
    async () => {
      const { printed, seconds } = await runExample('core');
      expect(printed).toMatch(/^stream 0 of seed 7: 776 of 1000 points inside$/m);
      expect(printed).toMatch(/^±1e-4 needs \d+ points$/m);
      expect(seconds).toBeLessThan(SECONDS);
    },
    4 * SECONDS * 1000,
  );

  it(
    '@pi/cpu: loop, simd and workers count the same points',
    async () => {
      const { printed, seconds } = await runExample('cpu');
      const counts = [...printed.matchAll(/^(loop|simd|workers): π ≈ 3\.\d+ \((\d+) inside\)/gm)];
      expect(counts.map((m) => m[1])).toEqual(['loop', 'simd', 'workers']);
      expect(new Set(counts.map((m) => m[2])).size).toBe(1);
      expect(seconds).toBeLessThan(SECONDS);
    },
    4 * SECONDS * 1000,
  );

  it(
    "@pi/gpu-tf: the WGSL kernel counts numba's 25,183, tensors say they are not reproducible",
    async () => {
      const { printed, seconds } = await runExample('gpu-tf');
      expect(printed).toMatch(/^kernel: π ≈ 3\.\d+ on .+$/m);
      expect(printed).toMatch(/^inside: 25183$/m);
      expect(printed).toMatch(/^tensors: π ≈ 3\.\d+, reproducible: false$/m);
      expect(seconds).toBeLessThan(SECONDS);
    },
    4 * SECONDS * 1000,
  );

  it(
    '@pi/dataframe: the per-column estimates and their summary',
    async () => {
      const { printed, seconds } = await runExample('dataframe');
      expect(printed).toMatch(/pi\s*│\s*3\.\d+/);
      expect(printed).toMatch(/^π ≈ 3\.\d+ ± 0\.\d+ from 25 columns$/m);
      expect(seconds).toBeLessThan(SECONDS);
    },
    4 * SECONDS * 1000,
  );

  it(
    '@pi/cli: every pi line of the example runs with the built binary and exits 0',
    () => {
      const { lang, code } = example('cli');
      expect(lang).toBe('sh');
      const lines = code.split('\n').filter((l) => l.startsWith('pi '));
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        const started = performance.now();
        const out = execFileSync(process.execPath, [`${repoRoot}packages/cli/dist/bin.js`, ...line.slice(3).split(/\s+/)], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          timeout: SECONDS * 1000,
        });
        expect(out.length, line).toBeGreaterThan(0);
        expect((performance.now() - started) / 1000, line).toBeLessThan(SECONDS);
      }
    },
    4 * SECONDS * 1000,
  );
});
