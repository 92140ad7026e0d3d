/**
 * The benchmarks page and the figures read BENCHMARKS.md back (scripts/benchmarks.mjs). These checks
 * hold the reading to what `pi bench --markdown` writes, so a figure can never show a number the file
 * does not hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { experimentTable, parseBenchMarkdown, parseDuration, parseSi } from '../scripts/benchmarks.mjs';

const file = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));

describe('reading BENCHMARKS.md', () => {
  it('reads durations and SI counts as pi bench prints them', () => {
    expect(parseDuration('82.4 ms')).toBeCloseTo(0.0824, 12);
    expect(parseDuration('2.69 s')).toBe(2.69);
    expect(parseDuration('2 min 5 s')).toBe(125);
    expect(parseDuration('—')).toBeUndefined();
    expect(parseSi('64.5 M')).toBeCloseTo(64.5e6, 3);
    expect(parseSi('1.55 G')).toBeCloseTo(1.55e9, 0);
    expect(parseSi('812')).toBe(812);
  });

  it('refuses a file that is not in the shape pi bench writes', () => {
    expect(() => parseBenchMarkdown('# Benchmarks\n\nsomething else\n')).toThrow(/Produced by/);
  });

  it.runIf(existsSync(file))("reads every experiment of the repository's file, consistently", () => {
    const text = readFileSync(file, 'utf8');
    const report = parseBenchMarkdown(text);
    // One experiment per "## N." heading of the file.
    expect(report.experiments.map((e) => e.id)).toEqual([...text.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
    for (const e of report.experiments) {
      expect(e.rows.filter((r) => r.baseline)).toHaveLength(1);
      for (const r of e.rows.filter((row) => row.available)) {
        expect(r.warmSeconds, `${e.id} ${r.label}`).toBeGreaterThan(0);
        expect(r.coldSeconds, `${e.id} ${r.label}`).toBeGreaterThan(0);
        expect(r.samplesPerSecond, `${e.id} ${r.label}`).toBeGreaterThan(0);
        if (r.baseline) expect(r.speedupVsBaseline).toBe(1);
      }
    }
    // The vanilla-vs-compiled cell is 5,000,000 samples: rate × warm time gives it back within the
    // file's three significant figures.
    const first = report.experiments.find((e) => /5,000,000 samples/.test(e.size));
    if (first !== undefined) {
      for (const r of first.rows) expect(Math.abs(r.samples / 5e6 - 1)).toBeLessThan(0.01);
    }
  });

  it.runIf(existsSync(file))('the page tables keep every row and every number the figures use', () => {
    const report = parseBenchMarkdown(readFileSync(file, 'utf8'));
    for (const e of report.experiments) {
      const table = experimentTable(e);
      const body = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'));
      expect(body).toHaveLength(e.rows.length);
      // Five columns: the label, warm (cold), samples/s, vs baseline, vs numba.
      for (const line of body) expect(line.split(/(?<!\\)\|/).length - 2).toBe(5);
    }
  });
});
