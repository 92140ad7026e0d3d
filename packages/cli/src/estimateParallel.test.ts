import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('pi estimate --backend simd | workers', () => {
  it('simd and workers (1, 2 and 3 threads) print loop’s count for both generators and groups', async () => {
    for (const plan of [['--samples', '1000001'], ['--groups', '1001x19']]) {
      for (const generator of ['xoshiro128p', 'numba']) {
        const common = [...plan, '--seed', '17', '--generator', generator, '--json'];
        const loop = JSON.parse((await run('estimate', '--backend', 'loop', ...common)).out);
        const simd = await run('estimate', '--backend', 'simd', ...common);
        expect(simd.code).toBe(0);
        expect(JSON.parse(simd.out)).toMatchObject({ backend: 'simd', inside: loop.inside, samples: loop.samples });
        for (const threads of ['1', '2', '3']) {
          const workers = await run('estimate', '--backend', 'workers', '--threads', threads, ...common);
          expect(workers.code).toBe(0);
          expect(JSON.parse(workers.out)).toMatchObject({ backend: 'workers', inside: loop.inside, samples: loop.samples });
        }
      }
    }
  }, 60_000);

  it('workers with --shard: the shard’s count, as loop gives it', async () => {
    const common = ['--samples', '2000000', '--seed', '3', '--shard', '2/3', '--json'];
    const loop = JSON.parse((await run('estimate', '--backend', 'loop', ...common)).out);
    const workers = JSON.parse((await run('estimate', '--backend', 'workers', '--threads', '2', ...common)).out);
    expect(workers.inside).toBe(loop.inside);
  });

  it('an abort of workers prints the partial result and exits 130', async () => {
    const controller = new AbortController();
    const io = memoryIo({ signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const code = await main(['estimate', '--backend', 'workers', '--threads', '2', '--samples', '1e13', '--json'], io);
    expect(code).toBe(130);
    const r = JSON.parse(io.out());
    expect(r).toMatchObject({ status: 'aborted', backend: 'workers' });
    expect(r.samples % 65536).toBe(0);
  });

  it.each([['0'], ['-2'], ['1.5'], ['many'], ['5000']])('--threads %s: exit 2, one line naming the option', async (value) => {
    const r = await run('estimate', '--backend', 'workers', '--threads', value);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`--threads: "${value.replace('.', '\\.')}" is not allowed; expected an integer in \\[1, 1024\\]`));
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
