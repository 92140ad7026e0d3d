import type { BackendDescriptor } from '@pi/core';
import { loop } from '@pi/cpu';
import { describe, expect, it } from 'vitest';
import { memoryIo } from './io.js';
import { main } from './main.js';
import { registry } from './registry.js';

/** A backend registered here, before any command loads: the CLI must offer it with no other change. */
const onlyXoshiro: BackendDescriptor = {
  id: 'only-xoshiro',
  summary: "loop's counts, for the xoshiro128p generator only",
  reproducible: true,
  generators: ['xoshiro128p'],
  hosts: ['node'],
  occupiesThread: true,
  options: [],
  probe: async () => ({ available: true, detail: 'a test backend' }),
  create: async () => ({
    name: 'only-xoshiro',
    reproducible: true,
    run: async (options) => ({ ...(await loop.run(options)), backend: 'only-xoshiro' }),
  }),
};
registry.register(onlyXoshiro);

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('a backend added to the registry', () => {
  it('runs under pi estimate --backend, and pi info lists it', async () => {
    const r = await run('estimate', '--backend', 'only-xoshiro', '--samples', '100000', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ backend: 'only-xoshiro', samples: 100_000 });
    const info = JSON.parse((await run('info', '--json')).out);
    expect(info.backends.find((b: { name: string }) => b.name === 'only-xoshiro')).toMatchObject({ available: true, reproducible: true });
    expect((await run('estimate', '--help')).out).toContain('only-xoshiro');
  });

  it('refuses a generator it does not draw with: exit 2, one line naming what it supports', async () => {
    const r = await run('estimate', '--backend', 'only-xoshiro', '--generator', 'numba');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'pi estimate: error: --generator: "numba" is not allowed; expected one that --backend only-xoshiro draws with: xoshiro128p\n',
    );
  });
});
