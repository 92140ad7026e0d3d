import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// No Kubernetes here: this runs the recipe's own container args and env (examples/cluster/kubernetes)
// as local processes, one per completion index, the way the Job's pods would, then the merge Job's
// args. It proves the manifests' commands are right; it does not prove a cluster schedules them.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const recipes = fileURLToPath(new URL('../../../examples/cluster/kubernetes/', import.meta.url));
const exec = promisify(execFile);

/** The container's `args` (block list) and env values from our own manifest; no YAML library needed for it. */
function containerArgs(yaml: string): string[] {
  const flow = /^\s*args: \[(.*)\]\s*$/m.exec(yaml);
  if (flow) return flow[1]!.split(',').map((a) => a.trim());
  const block = /^(\s*)args:\n((?:\1\s+(?:- .*|#.*)\n)+)/m.exec(yaml);
  if (!block) throw new Error('no args in the manifest');
  return block[2]!
    .split('\n')
    .map((l) => /^\s*- (\S+)/.exec(l)?.[1])
    .filter((a): a is string => a !== undefined);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pi-k8s-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Kubernetes Indexed Job recipe, run as local pods', () => {
  it('every completion index writes its shard, and the merge Job reproduces the single run', async () => {
    const job = await readFile(join(recipes, 'job.yaml'), 'utf8');
    const merge = await readFile(join(recipes, 'merge.yaml'), 'utf8');
    const completions = Number(/^\s*completions: (\d+)/m.exec(job)![1]);
    const shardCount = /name: PI_SHARD_COUNT\n\s*value: "(\d+)"/.exec(job)![1]!;
    expect(Number(shardCount)).toBe(completions);
    // The recipe's args, with a small sample count and the volume mounted at our temp directory.
    const local = (args: string[]) =>
      args.map((a) => a.replace(/^--samples=.*/, '--samples=1000003').replaceAll('/parts', join(dir, 'parts')));
    const [pi, ...shardArgs] = local(containerArgs(job));
    expect(pi).toBe('pi');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_INDEX$|PI_)/.test(k)));
    await Promise.all(
      Array.from({ length: completions }, (_, index) =>
        exec(process.execPath, [bin, ...shardArgs], { env: { ...env, JOB_COMPLETION_INDEX: String(index), PI_SHARD_COUNT: shardCount }, timeout: 60_000 }),
      ),
    );
    expect(await readdir(join(dir, 'parts', 'run-1'))).toHaveLength(completions);
    const [, ...mergeArgs] = local(containerArgs(merge));
    const { stdout } = await exec(process.execPath, [bin, ...mergeArgs], { env, timeout: 60_000 });
    expect(stdout).toMatch(/samples\s+1,000,003 inside/);
    const merged = JSON.parse(await readFile(join(dir, 'parts', 'run-1.merged.json'), 'utf8'));
    const seed = /^--seed=(\d+)$/m.exec(shardArgs.join('\n'))![1]!;
    const whole = JSON.parse((await exec(process.execPath, [bin, 'estimate', '--samples', '1000003', '--seed', seed, '--json'], { env })).stdout);
    expect(merged.inside).toBe(whole.inside);
    expect(merged.details.shards).toBe(completions);
  }, 60_000);
});
