import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { printedJson, runPi, scratch } from './_pi.js';

describe('memory: plans are refused up front or kept small', () => {
  test('a groups plan past the budget is refused before any work with what it needs and the limit (exit 2)', async () => {
    for (const backend of ['tfjs', 'simd', 'loop']) {
      const started = performance.now();
      const exit = await runPi(['estimate', '-b', backend, '-g', '1x1000000000']);
      expect(exit.code).toBe(2);
      expect(exit.stderr).toMatch(/--groups: "1x1000000000" .* memory budget of 1\.5 GiB; this one needs about \d+(\.\d+)? GiB/);
      expect(performance.now() - started).toBeLessThan(15_000);
    }
    const raised = await runPi(['estimate', '-g', '1x1000000000', '--memory-budget', 'lots']);
    expect(raised.code).toBe(2);
    expect(raised.stderr).toMatch(/--memory-budget: "lots" is not allowed; expected a size such as 1\.5G/);
    const env = await runPi(['estimate', '-g', '1x30000000'], { env: { PI_MEMORY_BUDGET: '1G' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/memory budget of 1 GiB/);
  }, 90_000);

  test("pi dataframe: a shape past the budget by its method's measured cost is refused at once (1 × 10,000,000 cells by cell)", async () => {
    const started = performance.now();
    const exit = await runPi(['dataframe', '-r', '1', '-c', '10000000', '-m', 'cell']);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(
      /--rows × --cols: "1x10000000 with --method cell" .* needs about \d+(\.\d+)? GiB \(use fewer rows or columns/,
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    // Within the 10,000,000-cell cap, but 4,000,000 columns cost more than the budget vectorized too.
    expect((await runPi(['dataframe', '-r', '1', '-c', '4000000'])).code).toBe(2);
  }, 60_000);

  test('--threads 1024: refused up front when the threads would pass the budget; on a one-stream plan one worker starts', async () => {
    const started = performance.now();
    const big = await runPi(['estimate', '-b', 'workers', '-t', '1024', '-n', '1e12']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/--threads: "1024" .* needs about \d+(\.\d+)? GiB \(use fewer threads/);
    const small = await runPi(['estimate', '-b', 'workers', '-t', '1024', '-n', '1000', '--json']);
    expect(small.code).toBe(0);
    expect(printedJson(small)).toMatchObject({ details: { threads: 1 } });
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  test('past 10,000 groups the printed JSON summarises them; --groups-out writes every group (CSV or NDJSON)', async () => {
    const dir = await scratch('groups');
    const csv = join(dir, 'groups.csv');
    const exit = await runPi(['estimate', '-b', 'simd', '-g', '100x20000', '-s', '3', '--json', '--groups-out', csv]);
    expect(exit.code).toBe(0);
    const printed = printedJson(exit) as Record<string, unknown> & {
      groupSummary: { count: number; min: number; max: number; mean: number };
    };
    expect(printed['groupCounts']).toBeUndefined();
    expect(printed['groupEstimates']).toBeUndefined();
    expect(printed.groupSummary.count).toBe(20_000);
    expect(printed.groupSummary.mean).toBeCloseTo(printed['pi'] as number, 12);
    expect(exit.stdout.length).toBeLessThan(2000);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('group,inside,estimate');
    expect(lines).toHaveLength(20_001);
    const insideSum = lines.slice(1).reduce((a, line) => a + Number(line.split(',')[1]), 0);
    expect(insideSum).toBe(printed['inside']);
    const ndjson = join(dir, 'groups.ndjson');
    expect((await runPi(['estimate', '-g', '100x50', '--groups-out', ndjson, '--quiet'])).code).toBe(0);
    const first = JSON.parse(readFileSync(ndjson, 'utf8').split('\n')[0]!);
    expect(Object.keys(first)).toEqual(['group', 'inside', 'estimate']);
  }, 90_000);
});

describe('options that do not apply to the backend are refused, naming the backends they apply to', () => {
  for (const argv of [
    ['-b', 'loop', '--threads', '4'],
    ['-b', 'simd', '--tf-backend', 'cpu'],
    ['-b', 'naive', '--seed', '5'],
    ['-b', 'naive', '--generator', 'numba'],
  ]) {
    test(argv.join(' '), async () => {
      const exit = await runPi(['estimate', '-n', '1000', ...argv]);
      expect(exit.code).toBe(2);
      expect(exit.stderr).toMatch(new RegExp(`${argv[2]}: applies to --backend [a-z, ]+ only, not ${argv[1]}`));
    }, 30_000);
  }
});
