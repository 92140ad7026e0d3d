import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { printedJson, runPi, scratch, startPi, waitUntil } from './_pi.js';

// SIGKILL (a lost node, a preempted pod, a scheduler's second signal) and then `--resume`: the result
// equals the uninterrupted run's bit for bit, on every reproducible backend, with shards. The plan sizes
// make each run last a few seconds here, so the kill lands mid-run; the reference is another backend
// (the contract makes them equal), chosen for speed.
const CASES: { backend: string; plan: string[]; reference: string }[] = [
  { backend: 'loop', plan: ['-n', '2e9', '--shard', '1/2'], reference: 'simd' },
  { backend: 'simd', plan: ['-n', '8e9', '--shard', '1/2'], reference: 'workers' },
  { backend: 'workers', plan: ['-n', '16e9', '--shard', '1/2'], reference: 'simd' },
  { backend: 'webgpu', plan: ['-g', '100000x2000', '--shard', '1/2'], reference: 'simd' },
];

/** The checkpoint's content, once it shows a run under way. */
function readCheckpoint(path: string): { status: string; samples: number; inside: number } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

describe('SIGKILL, then --resume: equal to the uninterrupted run, bit for bit', () => {
  for (const { backend, plan, reference } of CASES) {
    test(`${backend}, ${plan.join(' ')}`, async () => {
      const dir = await scratch(`resume-${backend}`);
      const checkpoint = join(dir, 'shard-{index}.ck.json');
      const file = join(dir, 'shard-1.ck.json');
      const args = ['estimate', '-b', backend, ...plan, '-s', '11', '--json', '--checkpoint', checkpoint, '--checkpoint-every', '100ms'];
      const first = startPi([...args, '--resume', checkpoint]);
      await waitUntil('a checkpoint of a run under way', () => (readCheckpoint(file)?.samples ?? 0) > 0, 120);
      first.kill('SIGKILL');
      const killed = await first.exit;
      expect(killed.signal).toBe('SIGKILL');
      const saved = readCheckpoint(file)!;
      expect(saved.status).toBe('aborted');

      const resumed = await runPi([...args, '--resume', checkpoint]);
      expect(resumed.code).toBe(0);
      const result = printedJson(resumed);
      const whole = printedJson(await runPi(['estimate', '-b', reference, ...plan, '-s', '11', '--json']));
      expect(result).toMatchObject({
        status: 'completed',
        backend,
        samples: whole['samples'],
        inside: whole['inside'],
        shard: whole['shard'],
      });
      expect(result['groupCounts']).toEqual(whole['groupCounts']);
      expect(result['samples']).toBeGreaterThan(saved.samples);
      // The finished run leaves a completed checkpoint: resuming again reruns nothing.
      const again = printedJson(await runPi([...args, '--resume', checkpoint]));
      expect(again).toMatchObject({ status: 'completed', inside: whole['inside'] });
    }, 300_000);
  }

  test('a checkpoint of another run (other seed) or an edited one is refused by name (exit 2)', async () => {
    const dir = await scratch('resume-refuse');
    const file = join(dir, 'ck.json');
    expect((await runPi(['estimate', '-n', '1e6', '-s', '1', '--checkpoint', file, '--quiet'])).code).toBe(0);
    const other = await runPi(['estimate', '-n', '1e6', '-s', '2', '--resume', file]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`--resume ${file}: belongs to another run`);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ ...saved, inside: saved.inside - 1 }));
    const edited = await runPi(['estimate', '-n', '1e6', '-s', '1', '--resume', file]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/checksum .* does not match its counts/);
    const naive = await runPi(['estimate', '-b', 'naive', '-n', '1e6', '--resume', file]);
    expect(naive.code).toBe(2);
    expect(naive.stderr).toMatch(/--resume: applies to --backend loop, simd, workers, webgpu only, not naive/);
  }, 120_000);
});
