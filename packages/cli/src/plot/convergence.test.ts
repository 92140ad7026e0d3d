import { estimateLoop } from '@pi/cpu';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { main } from '../main.js';
import { convergence, doublingCheckpoints } from './convergence.js';

describe('convergence', () => {
  it('every point equals `estimate --samples n` exactly, across block boundaries', async () => {
    for (const generator of ['xoshiro128p', 'numba'] as const) {
      const checkpoints = [16, 1000, 65_536, 65_537, 200_000];
      const { points } = await convergence(generator, 5, checkpoints);
      for (const p of points) {
        const r = await estimateLoop({ samples: p.samples, seed: 5, generator });
        expect(p.inside).toBe(r.inside);
        expect(p.ci.lower).toBeLessThan(p.pi);
      }
    }
  });

  it('checkpoints double up to the sample count', () => {
    expect(doublingCheckpoints(100)).toEqual([16, 32, 64, 100]);
  });
});

describe('pi plot', () => {
  it('writes an SVG and a PNG chart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-plot-'));
    for (const file of ['c.svg', 'c.png']) {
      const io = memoryIo();
      expect(await main(['plot', '--samples', '1e5', '--seed', '2', '--out', join(dir, file), '--json'], io)).toBe(0);
      const json = JSON.parse(io.out());
      expect(json.points.at(-1).samples).toBe(100_000);
    }
    expect(await readFile(join(dir, 'c.svg'), 'utf8')).toContain('Convergence');
    expect(await readFile(join(dir, 'c.png')).then((b) => b.subarray(1, 4).toString())).toBe('PNG');
  });

  it('refuses an unknown file type', async () => {
    const io = memoryIo();
    expect(await main(['plot', '--out', 'c.pdf'], io)).toBe(2);
    expect(io.err()).toMatch(/--out: "c.pdf" is not allowed; expected a file name ending in .svg or .png/);
  });
});
