import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';
import { commands } from './commands/index.js';

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('pi estimate', () => {
  it('--json prints one object with the schema and a reproducible count', async () => {
    const a = await run('estimate', '--backend', 'loop', '--samples', '2e7', '--seed', '1', '--json');
    const b = await run('estimate', '--backend', 'loop', '--samples', '20M', '--seed', '1', '--json');
    expect(a.code).toBe(0);
    const ra = JSON.parse(a.out);
    expect(JSON.parse(b.out).inside).toBe(ra.inside);
    expect(Object.keys(ra).sort()).toEqual(
      [
        'schemaVersion',
        'pi',
        'inside',
        'samples',
        'standardError',
        'ci',
        'seconds',
        'samplesPerSecond',
        'backend',
        'generator',
        'seed',
        'plan',
        'reproducible',
        'status',
        'error',
        'checksum',
      ].sort(),
    );
    expect(ra).toMatchObject({ schemaVersion: 1, samples: 2e7, backend: 'loop', generator: 'xoshiro128p', seed: 1, status: 'completed' });
    expect(Math.abs(ra.pi - Math.PI)).toBeLessThan(4 * ra.standardError);
    expect(ra.error).toBeCloseTo(ra.pi - Math.PI, 15);
  });

  it('numba generator, groups 500x64 seed 1234 reports 25183 inside', async () => {
    const r = await run('estimate', '--backend', 'loop', '--generator', 'numba', '--groups', '500x64', '--seed', '1234', '--json');
    const json = JSON.parse(r.out);
    expect(json.inside).toBe(25183);
    expect(json.groupCounts.slice(0, 8)).toEqual([393, 380, 396, 385, 394, 401, 394, 392]);
    expect(json.plan).toEqual({ kind: 'groups', pointsPerGroup: 500, groups: 64 });
  });

  it('groups mode equals the sum of its groups and the samples plan of the same blocks', async () => {
    const g = JSON.parse((await run('estimate', '--groups', '65536x3', '--seed', '5', '--json')).out);
    const s = JSON.parse((await run('estimate', '--samples', String(3 * 65536), '--seed', '5', '--json')).out);
    expect(g.groupCounts.reduce((a: number, b: number) => a + b, 0)).toBe(g.inside);
    expect(g.inside).toBe(s.inside);
  });

  it('human output shows π̂, error, interval, rate and backend', async () => {
    const r = await run('estimate', '--samples', '1M', '--seed', '3');
    expect(r.code).toBe(0);
    for (const label of ['π̂', 'error', '95% interval', 'samples/s', 'backend', 'loop, xoshiro128p seed 3']) expect(r.out).toContain(label);
    expect(r.out).not.toMatch(/\u001b\[/);
  });

  it('--precision picks the sample count', async () => {
    const r = JSON.parse((await run('estimate', '--precision', '1e-2', '--json')).out);
    expect(r.ci.upper - r.pi).toBeLessThan(0.0101);
    expect(r.samples).toBeGreaterThan(20_000);
  });

  it('naive says it is not reproducible', async () => {
    const r = JSON.parse((await run('estimate', '--backend', 'naive', '--samples', '1M', '--json')).out);
    expect(r).toMatchObject({ reproducible: false, generator: 'Math.random', seed: null, backend: 'naive' });
  });

  it('an abort prints the partial result and exits 130', async () => {
    const controller = new AbortController();
    const io = memoryIo({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const code = await main(['estimate', '--samples', '1e13', '--json'], io);
    expect(code).toBe(130);
    const r = JSON.parse(io.out());
    expect(r.status).toBe('aborted');
    expect(r.samples % 65536).toBe(0);
  });
});

describe('usage errors: exit 2 and one line naming the option, the value and what is allowed', () => {
  it.each([
    [['--samples', '-5'], /--samples: "-5" is not allowed; expected an integer in \[1, 2\^53\)/],
    [['--samples', '1.5'], /--samples: "1.5" is not allowed/],
    [['--samples', 'abc'], /--samples: "abc" is not allowed/],
    [['--samples', '1e300'], /--samples: "1e300" is not allowed/],
    [['--backend', 'nope'], /--backend: "nope" is not allowed; expected naive, loop/],
    [['--frob'], /^pi estimate: error: --frob: unknown option for "pi estimate"; see pi estimate --help\n$/],
    [['--sampels', '5'], /--sampels: unknown option for "pi estimate"; did you mean --samples\? see pi estimate --help/],
    [['-x'], /-x: unknown option for "pi estimate"/],
    [['--threads', '2'], /--threads: applies to --backend workers only, not loop/],
    [['-t', '2', '--backend', 'simd'], /--threads: applies to --backend workers only, not simd/],
    [['--backend', 'workers', '--tf-backend', 'cpu'], /--tf-backend: applies to --backend tfjs only, not workers/],
    [['--tf-backend', 'metal', '--backend', 'tfjs'], /--tf-backend: "metal" is not allowed; expected webgpu, tensorflow, cpu/],
    [['--samples', '--json'], /--samples: needs a value/],
    [['1000'], /"1000": unexpected argument; "pi estimate" takes options only/],
    ...['0', '-2', '1.5', 'many', '5000'].map((value): [string[], RegExp] => [
      ['--backend', 'workers', '--threads', value],
      new RegExp(`--threads: "${value.replace('.', '\\.')}" is not allowed; expected an integer in \\[1, 1024\\]`),
    ]),
    [['--samples'], /--samples: needs a value/],
    [['--seed', '-1'], /--seed: "-1" is not allowed; expected an integer in \[0, 2\^53\)/],
    [['--seed', '1.5'], /--seed: "1.5" is not allowed/],
    [['--groups', '500'], /--groups: "500" is not allowed; expected N x I/],
    [['--generator', 'mt19937'], /--generator: "mt19937" is not allowed; expected xoshiro128p, numba/],
    [['--samples', '5', '--groups', '5x5'], /--samples and --groups: give only one of/],
    [['--precision', '0'], /--precision: "0" is not allowed/],
    [['--json=3'], /--json: is a flag and takes no value/],
  ])('pi estimate %j', async (argv, message) => {
    const r = await run('estimate', ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('an unknown command suggests the closest one', async () => {
    const r = await run('estimat');
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "estimate"?');
  });
});

describe('help, version, info', () => {
  it('--help lists every command and each command has help with examples', async () => {
    const top = await run('--help');
    expect(top.code).toBe(0);
    expect(top.out).toContain('estimate');
    expect(top.out).toContain('info');
    for (const name of Object.keys(commands)) {
      expect(top.out).toContain(name);
      const r = await run(name, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Examples:');
      expect(r.out).toContain(`pi ${name}`);
    }
  });

  it('--version prints the package version', async () => {
    expect((await run('--version')).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('info --json lists Node, CPU, cores and backends', async () => {
    const r = await run('info', '--json');
    const info = JSON.parse(r.out);
    expect(info.node).toBe(process.version);
    expect(info.cores).toBeGreaterThan(0);
    expect(info.backends.map((b: { name: string }) => b.name)).toEqual(expect.arrayContaining(['naive', 'loop']));
    expect(info.backends.find((b: { name: string }) => b.name === 'loop').available).toBe(true);
  });
});
