import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { printedJson, scratch, startPi, waitForFile } from './_pi.js';

// Every long command against the real binary: a signal stops it within a generous bound (the abort itself
// takes ≤ 200 ms; process teardown and a loaded CI machine get the rest), it prints what it has, writes
// its files, and exits 128 + the signal's number.
const STOP_BOUND_MS = 2000;
const EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

describe('pi estimate stops on SIGINT, SIGTERM and SIGHUP with its partial result', () => {
  for (const [signal, moment] of [
    ['SIGTERM', 'as soon as it counts'],
    ['SIGHUP', 'as soon as it counts'],
    ['SIGINT', 'as soon as it counts'],
    ['SIGTERM', 'a second into the run'],
  ] as const) {
    test(`${signal}, ${moment}: exit ${EXIT[signal]}, aborted JSON on stdout, an aborted shard in --out`, async () => {
      const dir = await scratch('signals');
      const checkpoint = join(dir, 'ck.json');
      const out = join(dir, 'out.json');
      const pi = startPi([
        'estimate',
        '-n',
        '1e13',
        '--shard',
        '0/2',
        '--json',
        '--out',
        out,
        '--checkpoint',
        checkpoint,
        '--checkpoint-every',
        '100ms',
      ]);
      await waitForFile(checkpoint);
      if (moment === 'a second into the run') await new Promise((r) => setTimeout(r, 1000));
      const sentAt = pi.kill(signal);
      const exit = await pi.exit;
      expect(exit.exitedAt - sentAt).toBeLessThan(STOP_BOUND_MS);
      expect(exit.code).toBe(EXIT[signal]);
      const printed = printedJson(exit);
      expect(printed).toMatchObject({ status: 'aborted', shard: { index: 0, count: 2 } });
      expect(printed['samples']).toBeGreaterThan(0);
      const written = JSON.parse(readFileSync(out, 'utf8'));
      expect(written).toMatchObject({
        status: 'aborted',
        samples: printed['samples'],
        inside: printed['inside'],
        checksum: printed['checksum'],
      });
      expect(JSON.parse(readFileSync(checkpoint, 'utf8')).samples).toBe(printed['samples']);
      expect(exit.stderr).toMatch(signal === 'SIGINT' ? /interrupted/ : new RegExp(`stopped by ${signal}`));
    }, 90_000);
  }

  test('a duplicate SIGTERM within 250 ms (timeout(1), a process group) is the same stop: the result is still printed', async () => {
    const dir = await scratch('duplicate');
    const checkpoint = join(dir, 'ck.json');
    const pi = startPi(['estimate', '-n', '1e13', '--json', '--checkpoint', checkpoint, '--checkpoint-every', '100ms']);
    await waitForFile(checkpoint);
    pi.kill('SIGTERM');
    pi.kill('SIGTERM');
    const exit = await pi.exit;
    expect(exit.code).toBe(143);
    expect(printedJson(exit)).toMatchObject({ status: 'aborted' });
  }, 90_000);
});

/** Starts `pi …args`, sends `signal` after `delayMs`, and resolves with how it ended and how long it took to stop. */
async function stopAfter(args: string[], signal: NodeJS.Signals, delayMs: number, env?: NodeJS.ProcessEnv) {
  const pi = startPi(args, env === undefined ? {} : { env });
  await new Promise((r) => setTimeout(r, delayMs));
  const sentAt = pi.kill(signal);
  const exit = await pi.exit;
  return { exit, stopMs: exit.exitedAt - sentAt };
}

describe('the other long commands stop within the bound with what they have', () => {
  test('pi plot: SIGINT mid-curve writes the chart of the points so far and exits 130', async () => {
    const chart = join(await scratch('plot'), 'c.svg');
    const { exit, stopMs } = await stopAfter(['plot', '-n', '1e12', '--out', chart, '--json'], 'SIGINT', 2500);
    expect(stopMs).toBeLessThan(STOP_BOUND_MS + 3000); // + rendering the chart of what was counted
    expect(exit.code).toBe(130);
    const printed = printedJson(exit) as { status: string; points: unknown[] };
    expect(printed.status).toBe('aborted');
    expect(printed.points.length).toBeGreaterThan(10);
    expect(readFileSync(chart, 'utf8')).toContain('Convergence');
  }, 90_000);

  test('pi bench: SIGINT inside a row stops within the bound, prints the report, and never writes a 0-byte --markdown', async () => {
    const markdown = join(await scratch('bench'), 'BENCH.md');
    const { exit, stopMs } = await stopAfter(['bench', '--peer', 'none', '--json', '--markdown', markdown], 'SIGINT', 4000);
    expect(stopMs).toBeLessThan(STOP_BOUND_MS);
    expect(exit.code).toBe(130);
    expect(printedJson(exit)).toMatchObject({ status: 'aborted' });
    expect(readFileSync(markdown, 'utf8').length).toBeGreaterThan(0);
  }, 90_000);

  // [what, argv, signal, ms before the signal, extra environment, what the printed JSON holds]
  const cases: [string, string[], NodeJS.Signals, number, (dir: string) => NodeJS.ProcessEnv, Record<string, unknown>][] = [
    [
      'tfjs on the cpu backend: the tensor loop yields to the event loop',
      ['estimate', '-b', 'tfjs', '--tf-backend', 'cpu', '-n', '1e12', '--json'],
      'SIGTERM',
      5000,
      () => ({}),
      { backend: 'tfjs-cpu' },
    ],
    [
      'bench with a numba probe that hangs (PI_PYTHON ignores SIGTERM and sleeps): the probe is killed',
      ['bench', '--quick', '--only', '1', '--runs', '1', '--json'],
      'SIGINT',
      12_000,
      (dir) => ({ PI_PYTHON: hungPython(dir) }),
      {},
    ],
    [
      'dataframe --method cell keeps its complete rows',
      ['dataframe', '-r', '1e6', '-c', '5', '-m', 'cell', '--json'],
      'SIGTERM',
      5000,
      () => ({}),
      {},
    ],
    [
      'transfer stops between launches (it no longer keeps running)',
      ['transfer', '--length', '1000000', '--launches', '10000', '--json'],
      'SIGINT',
      4000,
      () => ({}),
      {},
    ],
  ];
  for (const [what, argv, signal, delayMs, env, holds] of cases) {
    test(`pi ${what}: ${signal} exits ${EXIT[signal]} within the bound with an aborted result`, async () => {
      const { exit, stopMs } = await stopAfter(argv, signal, delayMs, env(await scratch('stop')));
      expect(stopMs).toBeLessThan(STOP_BOUND_MS);
      expect(exit.code).toBe(EXIT[signal]);
      expect(printedJson(exit)).toMatchObject({ status: 'aborted', ...holds });
    }, 90_000);
  }
});

describe('pi dataframe --method vectorized stops mid-fill (drawing and building the frame run off the main thread)', () => {
  // Ten million cells: the draw and danfo's constructor take well over a second, so the signal lands inside them.
  const VECTORIZED_BOUND_MS = 1500;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} 700 ms in: exit ${EXIT[signal]} within ${VECTORIZED_BOUND_MS} ms, the aborted JSON with no rows, no --csv written`, async () => {
      const csv = join(await scratch('vectorized'), 'frame.csv');
      const argv = ['dataframe', '-r', '1e7', '-c', '1', '-m', 'vectorized', '--seed', '3', '--csv', csv, '--json'];
      const { exit, stopMs } = await stopAfter(argv, signal, 700);
      expect(stopMs).toBeLessThan(VECTORIZED_BOUND_MS);
      expect(exit.code).toBe(EXIT[signal]);
      expect(printedJson(exit)).toMatchObject({
        status: 'aborted',
        method: 'vectorized',
        backend: 'dataframe-vectorized',
        rows: 10_000_000,
        cols: 1,
        rowsFilled: 0,
        samples: 0,
        inside: 0,
        seed: 3,
        plan: { kind: 'groups', pointsPerGroup: 10_000_000, groups: 1 },
      });
      expect(existsSync(csv)).toBe(false);
      expect(exit.stderr).toMatch(signal === 'SIGINT' ? /interrupted/ : /stopped by SIGTERM/);
    }, 90_000);
  }
});

/** A "python" that never answers: it ignores SIGTERM and sleeps (the probe must kill it with SIGKILL). */
function hungPython(dir: string): string {
  const python = join(dir, 'python');
  writeFileSync(python, '#!/bin/sh\ntrap "" TERM\nsleep 600\n');
  chmodSync(python, 0o755);
  return python;
}

describe('pi transfer at the advertised 16,777,216 elements', () => {
  test('runs (2-D dispatch) and stdout is exactly one JSON object: no Dawn diagnostics on it', async () => {
    const { runPi } = await import('./_pi.js');
    const exit = await runPi(['transfer', '--length', '16777216', '--launches', '2', '--json']);
    expect(exit.code).toBe(0);
    expect(printedJson(exit)).toMatchObject({ length: 16_777_216, correct: true, status: 'completed' });
  }, 120_000);
});
