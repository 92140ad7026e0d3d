import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Shards as separate processes of the built `pi` binary, as a scheduler would start them, then
// `pi merge`: the merged result must be the single-process result, bit for bit.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const exec = promisify(execFile);
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_INDEX$|PI_SHARD_COUNT$)/.test(k)),
);

async function pi(args: readonly string[], env: Record<string, string> = {}) {
  const { stdout } = await exec(process.execPath, [bin, ...args], { env: { ...CLEAN_ENV, ...env }, timeout: 60_000 });
  return stdout;
}

/** The fields the contract fixes: everything but time, rate and details. */
function exact(result: Record<string, unknown>) {
  const { seconds, samplesPerSecond, details, ...rest } = result;
  return rest;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pi-shards-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** How each shard process learns its index: the option, a Slurm array starting at 1, or a Kubernetes Indexed Job. */
const launchers = {
  option: (index: number, count: number) => ({ args: ['--shard', `${index}/${count}`], env: {} }),
  slurm: (index: number, count: number) => ({
    args: [],
    env: {
      SLURM_ARRAY_TASK_ID: String(index + 1),
      SLURM_ARRAY_TASK_MIN: '1',
      SLURM_ARRAY_TASK_MAX: String(count),
      SLURM_ARRAY_TASK_COUNT: String(count),
    },
  }),
  kubernetes: (index: number, count: number) => ({ args: [], env: { JOB_COMPLETION_INDEX: String(index), PI_SHARD_COUNT: String(count) } }),
};

describe('N processes as shards, merged, equal one process exactly', () => {
  it.each([
    [1, ['--samples', '1000001', '--seed', '7'], 'option'],
    [3, ['--samples', '3000017', '--seed', '7'], 'slurm'],
    [8, ['--samples', '2500001', '--seed', '42'], 'kubernetes'],
    [8, ['--samples', '200001', '--seed', '1'], 'option'], // 4 streams: half the shards are empty
    [3, ['--generator', 'numba', '--groups', '500x64', '--seed', '1234'], 'slurm'],
  ] as const)('%i shards of %j (%s)', async (count, plan, launcher) => {
    const parts = join(dir, `${count}-${plan.join('_')}`);
    const whole = JSON.parse(await pi(['estimate', ...plan, '--json', '--quiet']));
    await Promise.all(
      Array.from({ length: count }, (_, index) => {
        const { args, env } = launchers[launcher](index, count);
        return pi(['estimate', ...plan, ...args, '--quiet', '--out', join(parts, 'shard-{index}-of-{count}.json')], env);
      }),
    );
    expect((await readdir(parts)).sort()).toEqual(Array.from({ length: count }, (_, i) => `shard-${i}-of-${count}.json`).sort());
    const merged = JSON.parse(await pi(['merge', parts, '--json']));
    expect(exact(merged)).toEqual(exact(whole));
    expect(merged.details.shards).toBe(count);
    if ((plan as readonly string[]).includes('numba')) expect(merged.inside).toBe(25183); // numba's CUDA simulator, 500 × 64 seed 1234
  });
});
