import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo, type CliIo } from '../io.js';
import { main } from '../main.js';

async function run(argv: string[], overrides: Partial<CliIo> = {}) {
  const io = memoryIo(overrides);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

let dir: string;
const PLAN = ['--samples', '400001', '--seed', '9'];
const part = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pi-merge-'));
  for (const k of [0, 1, 2]) {
    const r = await run(['estimate', ...PLAN, '--shard', `${k}/3`, '--out', join(dir, 'run', 'shard-{index}.json')]);
    expect(r.code).toBe(0);
  }
  await run(['estimate', '--samples', '400001', '--seed', '10', '--shard', '1/3', '--out', part('other-seed.json')]);
  await run(['estimate', ...PLAN, '--shard', '1/4', '--out', part('four.json')]);
  await run(['estimate', ...PLAN, '--out', part('whole.json')]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pi estimate --shard', () => {
  it('writes a partial with the run identity, shard and stream range, and says so in the table', async () => {
    const json = JSON.parse(await readFile(part('run/shard-1.json'), 'utf8'));
    expect(json).toMatchObject({
      schemaVersion: 1,
      runId: expect.stringMatching(/^[0-9a-f]{16}$/),
      plan: { kind: 'samples', samples: 400_001 },
      generator: 'xoshiro128p',
      seed: 9,
      backend: 'loop',
      status: 'completed',
      shard: { index: 1, count: 3, firstStream: 2, streams: 2 },
      samples: 2 * 65_536,
    });
    const table = await run(['estimate', ...PLAN, '--shard', '1/3']);
    expect(table.out).toContain('shard         1/3: streams 2–3 of the plan');
  });

  it.each([
    [['--shard', '3/3'], '--shard: "3/3" is not allowed; expected K/N with 0 ≤ K < N (e.g. 2/8), or "off"'],
    [['--shard', '1/0'], '--shard: "1/0" is not allowed'],
    [['--shard', '-1/3'], '--shard: "-1/3" is not allowed'],
    [['--shard', 'two'], '--shard: "two" is not allowed'],
    [['--shard', '1/3', '--shards', '4'], '--shards: "4" is not allowed; expected the N of --shard 1/3 (3), or leave it out'],
    [['--shards', '4'], '--shards: 4 shards, but which one is this?'],
    [['--shard', 'off', '--shards', '4'], '--shards: "4" is not allowed; expected no --shards with --shard off'],
    [['--out', 'x-{index}.json'], '--out: "x-{index}.json" is not allowed; expected a path without {index}'],
  ])('%j is refused with exit 2 and one line', async (args, message) => {
    const r = await run(['estimate', '--samples', '1000', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('takes the shard from the scheduler environment, and --shard off ignores it', async () => {
    const env = { JOB_COMPLETION_INDEX: '2', PI_SHARD_COUNT: '3' };
    const fromEnv = JSON.parse((await run(['estimate', ...PLAN, '--json'], { env })).out);
    expect(fromEnv.shard).toEqual({ index: 2, count: 3, firstStream: 4, streams: 3 });
    const fromOption = JSON.parse(await readFile(part('run/shard-2.json'), 'utf8'));
    expect(fromEnv.inside).toBe(fromOption.inside);
    const off = JSON.parse((await run(['estimate', ...PLAN, '--json', '--shard', 'off'], { env })).out);
    expect(off.shard).toBeUndefined();
    const slurm = { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_MAX: '6', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(JSON.parse((await run(['estimate', ...PLAN, '--json'], { env: slurm })).out).shard.index).toBe(1);
    const missing = await run(['estimate', ...PLAN], { env: { JOB_COMPLETION_INDEX: '2' } });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('JOB_COMPLETION_INDEX=2 is set but not the shard count');
  });
});

describe('pi merge', () => {
  it('merges a directory, files, or stdin into the single-process result', async () => {
    const whole = JSON.parse(await readFile(part('whole.json'), 'utf8'));
    const fromDir = await run(['merge', join(dir, 'run'), '--json']);
    expect(fromDir.code).toBe(0);
    const merged = JSON.parse(fromDir.out);
    for (const key of ['inside', 'samples', 'pi', 'standardError', 'ci', 'plan', 'seed', 'generator', 'status']) {
      expect(merged[key]).toEqual(whole[key]);
    }
    expect(merged.shard).toBeUndefined();
    expect(merged.runId).toBeUndefined();
    const files = [0, 1, 2].map((k) => part(`run/shard-${k}.json`));
    expect(JSON.parse((await run(['merge', ...files.reverse(), '--json'])).out).inside).toBe(whole.inside);
    const text = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('');
    const fromStdin = await run(['merge', '-', '--json'], { stdin: async () => text });
    expect(JSON.parse(fromStdin.out).inside).toBe(whole.inside);
    const table = await run(['merge', join(dir, 'run')]);
    expect(table.out).toMatch(/samples\s+400,001 inside/);
    expect(table.out).toMatch(/shards\s+3/);
  });

  it('writes the merged result with --out', async () => {
    expect((await run(['merge', join(dir, 'run'), '--out', part('merged.json')])).code).toBe(0);
    expect(JSON.parse(await readFile(part('merged.json'), 'utf8')).samples).toBe(400_001);
  });

  async function refused(inputs: string[], message: string | RegExp, overrides: Partial<CliIo> = {}) {
    const r = await run(['merge', ...inputs], overrides);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  }

  it('refuses a missing shard, naming it', async () => {
    await refused(
      [part('run/shard-0.json'), part('run/shard-2.json')],
      /shard 1\/3 of xoshiro128p seed 9, 400,001 samples, 3 shards is missing/,
    );
  });

  it('refuses a duplicate shard, naming both files', async () => {
    await mkdir(part('dup'), { recursive: true });
    for (const k of [0, 1, 2]) await copyFile(part(`run/shard-${k}.json`), part(`dup/shard-${k}.json`));
    await copyFile(part('run/shard-1.json'), part('dup/shard-1-again.json'));
    await refused([part('dup')], /shard 1\/3 is given twice: .*dup\/shard-1-again\.json and .*dup\/shard-1\.json/);
  });

  it('refuses foreign partials: another seed, another shard count, a whole result', async () => {
    const [a, , c] = [0, 1, 2].map((k) => part(`run/shard-${k}.json`));
    await refused([a!, part('other-seed.json'), c!], /other-seed\.json: belongs to another run \(xoshiro128p seed 10/);
    await refused([a!, part('four.json'), c!], /four\.json: belongs to another run .*4 shards\)/);
    await refused([a!, part('whole.json'), c!], /whole\.json: is not a shard partial/);
  });

  it('refuses unreadable input', async () => {
    await writeFile(part('broken.json'), '{"schemaVersion":1,');
    await refused([part('broken.json')], /broken\.json:1: is not JSON/);
    await writeFile(part('v2.json'), '{"schemaVersion":2}');
    await refused([part('v2.json')], /v2\.json: schemaVersion 2 is not supported; expected 1/);
    await refused([part('nope.json')], /nope\.json: cannot be read \(ENOENT\)/);
    await mkdir(part('empty'), { recursive: true });
    await refused([part('empty')], /empty: is a directory with no \*\.json files/);
    await refused([], /FILE: none given/);
    await refused(['-'], /stdin: is empty/, { stdin: async () => '' });
  });
});
