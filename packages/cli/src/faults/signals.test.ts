import { readFileSync } from 'node:fs';
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
      const pi = startPi(['estimate', '-n', '1e13', '--shard', '0/2', '--json', '--out', out, '--checkpoint', checkpoint, '--checkpoint-every', '100ms']);
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
      expect(written).toMatchObject({ status: 'aborted', samples: printed['samples'], inside: printed['inside'], checksum: printed['checksum'] });
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

describe('the other long commands stop within the bound with what they have', () => {
  test('pi plot: SIGINT mid-curve writes the chart of the points so far and exits 130', async () => {
    const dir = await scratch('plot');
    const chart = join(dir, 'c.svg');
    const pi = startPi(['plot', '-n', '1e12', '--out', chart, '--json']);
    await new Promise((r) => setTimeout(r, 2500));
    const sentAt = pi.kill('SIGINT');
    const exit = await pi.exit;
    expect(exit.exitedAt - sentAt).toBeLessThan(STOP_BOUND_MS + 3000); // + rendering the chart of what was counted
    expect(exit.code).toBe(130);
    const printed = printedJson(exit) as { status: string; points: unknown[] };
    expect(printed.status).toBe('aborted');
    expect(printed.points.length).toBeGreaterThan(10);
    expect(readFileSync(chart, 'utf8')).toContain('Convergence');
  }, 90_000);

  test('pi estimate --backend tfjs --tf-backend cpu: SIGTERM stops the tensor loop (it yields to the event loop)', async () => {
    const pi = startPi(['estimate', '-b', 'tfjs', '--tf-backend', 'cpu', '-n', '1e12', '--json']);
    await new Promise((r) => setTimeout(r, 5000));
    const sentAt = pi.kill('SIGTERM');
    const exit = await pi.exit;
    expect(exit.exitedAt - sentAt).toBeLessThan(STOP_BOUND_MS);
    expect(exit.code).toBe(143);
    expect(printedJson(exit)).toMatchObject({ status: 'aborted', backend: 'tfjs-cpu' });
  }, 90_000);

  test('pi bench: SIGINT inside a row stops within the bound, prints the report, and never writes a 0-byte --markdown', async () => {
    const dir = await scratch('bench');
    const markdown = join(dir, 'BENCH.md');
    const pi = startPi(['bench', '--peer', 'none', '--json', '--markdown', markdown]);
    await new Promise((r) => setTimeout(r, 4000));
    const sentAt = pi.kill('SIGINT');
    const exit = await pi.exit;
    expect(exit.exitedAt - sentAt).toBeLessThan(STOP_BOUND_MS);
    expect(exit.code).toBe(130);
    expect(printedJson(exit)).toMatchObject({ status: 'aborted' });
    expect(readFileSync(markdown, 'utf8').length).toBeGreaterThan(0);
  }, 90_000);

  test('pi bench: a numba probe that hangs (PI_PYTHON sleeps) is killed by Ctrl-C; the bench exits 130', async () => {
    const dir = await scratch('peer');
    const python = join(dir, 'python');
    const { writeFileSync, chmodSync } = await import('node:fs');
    writeFileSync(python, '#!/bin/sh\ntrap "" TERM\nsleep 600\n');
    chmodSync(python, 0o755);
    const pi = startPi(['bench', '--quick', '--only', '1', '--runs', '1', '--json'], { env: { PI_PYTHON: python } });
    // The rows take a few seconds; then the probe starts and hangs.
    await new Promise((r) => setTimeout(r, 12_000));
    const sentAt = pi.kill('SIGINT');
    const exit = await pi.exit;
    expect(exit.exitedAt - sentAt).toBeLessThan(STOP_BOUND_MS);
    expect(exit.code).toBe(130);
    expect(printedJson(exit)).toMatchObject({ status: 'aborted' });
  }, 90_000);

  test('pi dataframe --method cell: SIGTERM keeps the complete rows and exits 143', async () => {
    const pi = startPi(['dataframe', '-r', '1e6', '-c', '5', '-m', 'cell', '--json']);
    await new Promise((r) => setTimeout(r, 5000));
    const sentAt = pi.kill('SIGTERM');
    const exit = await pi.exit;
    expect(exit.exitedAt - sentAt).toBeLessThan(STOP_BOUND_MS);
    expect(exit.code).toBe(143);
    expect(printedJson(exit)).toMatchObject({ status: 'aborted' });
  }, 90_000);

  test('pi transfer: SIGINT between launches exits 130 within the bound (it no longer keeps running)', async () => {
    const pi = startPi(['transfer', '--length', '1000000', '--launches', '10000', '--json']);
    await new Promise((r) => setTimeout(r, 4000));
    const sentAt = pi.kill('SIGINT');
    const exit = await pi.exit;
    expect(exit.exitedAt - sentAt).toBeLessThan(STOP_BOUND_MS);
    expect(exit.code).toBe(130);
    expect(printedJson(exit)).toMatchObject({ status: 'aborted' });
  }, 90_000);
});

describe('pi transfer at the advertised 16,777,216 elements', () => {
  test('runs (2-D dispatch) and stdout is exactly one JSON object: no Dawn diagnostics on it', async () => {
    const { runPi } = await import('./_pi.js');
    const exit = await runPi(['transfer', '--length', '16777216', '--launches', '2', '--json']);
    expect(exit.code).toBe(0);
    expect(printedJson(exit)).toMatchObject({ length: 16_777_216, correct: true, status: 'completed' });
  }, 120_000);
});
