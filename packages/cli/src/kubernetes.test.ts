import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// No Kubernetes here: this runs the recipe's own container args and env (examples/cluster/kubernetes)
// as local processes, one per completion index, the way the Job's pods would (one of them killed and its
// index retried, as after a pod deletion), then the merge Job's args. It proves the manifests' commands
// are right; it does not prove a cluster schedules them.
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
    // The recipe's args, with a sample count that lasts a few seconds, checkpoints every 100 ms, and the
    // volume mounted at our temp directory.
    const samples = '2000000003';
    const local = (args: string[]) =>
      args.map((a) =>
        a
          .replace(/^--samples=.*/, `--samples=${samples}`)
          .replace(/^--checkpoint-every=.*/, '--checkpoint-every=100ms')
          .replaceAll('/parts', join(dir, 'parts')),
      );
    const [pi, ...shardArgs] = local(containerArgs(job));
    expect(pi).toBe('pi');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_INDEX$|PI_)/.test(k)));
    const pod = (index: number) =>
      spawn(process.execPath, [bin, ...shardArgs], {
        env: { ...env, JOB_COMPLETION_INDEX: String(index), PI_SHARD_COUNT: shardCount },
        stdio: 'ignore',
      });
    const ended = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Pod 3 is deleted mid-run (SIGKILL, as after the grace period) and its index retried: the new pod
    // resumes from the checkpoint.
    const victim = pod(3);
    const checkpoint = join(dir, 'parts', 'run-1', 'checkpoints', `shard-3-of-${completions}.json`);
    const others = Array.from({ length: completions }, (_, index) => index)
      .filter((i) => i !== 3)
      .map((i) => ended(pod(i)));
    const deadline = Date.now() + 60_000;
    while (
      !(await readFile(checkpoint, 'utf8').then(
        (t) => JSON.parse(t).samples > 0,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('pod 3 wrote no checkpoint within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    victim.kill('SIGKILL');
    await ended(victim);
    const saved = JSON.parse(await readFile(checkpoint, 'utf8'));
    expect(saved.status).toBe('aborted');
    expect(await ended(pod(3))).toBe(0);
    expect(await Promise.all(others)).toEqual(Array.from({ length: completions - 1 }, () => 0));
    const resumed = JSON.parse(await readFile(join(dir, 'parts', 'run-1', `shard-3-of-${completions}.json`), 'utf8'));
    expect(resumed.details.resumedSamples).toBeGreaterThanOrEqual(saved.samples);
    expect((await readdir(join(dir, 'parts', 'run-1'))).filter((n) => n.endsWith('.json'))).toHaveLength(completions);
    const [, ...mergeArgs] = local(containerArgs(merge));
    const { stdout } = await exec(process.execPath, [bin, ...mergeArgs], { env, timeout: 60_000 });
    expect(stdout).toMatch(/samples\s+2,000,000,003 inside/);
    const merged = JSON.parse(await readFile(join(dir, 'parts', 'run-1.merged.json'), 'utf8'));
    const seed = /^--seed=(\d+)$/m.exec(shardArgs.join('\n'))![1]!;
    // The single run, on the fastest CPU backend (every backend counts the same).
    const whole = JSON.parse(
      (await exec(process.execPath, [bin, 'estimate', '-b', 'simd', '--samples', samples, '--seed', seed, '--json'], { env })).stdout,
    );
    expect(merged.inside).toBe(whole.inside);
    expect(merged.details.shards).toBe(completions);
  }, 240_000);
});
