import { insideNumba, insideXoshiro, numbaXoroshiro128pFromState, streamState, xoshiro128pFromState, type GeneratorName } from '@pi/core';
import { describe, expect, it } from 'vitest';
import { drawIndicatorsNumba, drawIndicatorsXoshiro128p, indicatorDrawers } from './drawIndicators.js';
import { streamCounters } from './streamCounter.js';

const GENERATORS: GeneratorName[] = ['xoshiro128p', 'numba'];

describe('drawIndicators: the same points and the same inside rule as the counting kernels', () => {
  it.each(GENERATORS)('%s: indicators sum to the counter, piece by piece, and the state ends where the counter leaves it', (generator) => {
    const draw = indicatorDrawers[generator];
    const count = streamCounters[generator];
    for (const [seed, stream] of [
      [0, 0],
      [1, 3],
      [1234, 17],
      [2 ** 40 + 5, 1000],
    ] as const) {
      const start = Int32Array.from(streamState(generator, seed, stream));
      const a = start.slice();
      const b = start.slice();
      const out = new Uint8Array(3 + 5000);
      // Two pieces with an offset: the drawer keeps the state between calls as the counter does.
      const drawn = draw(a, 1234, out, 3) + draw(a, 5000 - 1234, out, 3 + 1234);
      const counted = count(b, 5000);
      expect(drawn).toBe(counted);
      expect(Array.from(a)).toEqual(Array.from(b));
      let sum = 0;
      for (let i = 3; i < out.length; i++) sum += out[i]!;
      expect(sum).toBe(counted);
      expect(out.subarray(0, 3)).toEqual(new Uint8Array(3));
      expect(counted).toBeGreaterThan(0.7 * 5000);
      expect(counted).toBeLessThan(0.87 * 5000);
    }
  });

  it('xoshiro128p: each indicator is insideXoshiro of the reference generator’s two draws', () => {
    const start = streamState('xoshiro128p', 42, 2);
    const out = new Uint8Array(4096);
    drawIndicatorsXoshiro128p(Int32Array.from(start), out.length, out);
    const g = xoshiro128pFromState(start);
    const expected = Uint8Array.from({ length: out.length }, () => (insideXoshiro(g.next(), g.next()) ? 1 : 0));
    expect(out).toEqual(expected);
  });

  it('numba: each indicator is insideNumba of the reference generator’s two float32 draws', () => {
    const start = streamState('numba', 1234, 5);
    const out = new Uint8Array(4096);
    drawIndicatorsNumba(Int32Array.from(start), out.length, out);
    const g = numbaXoroshiro128pFromState(start);
    const expected = Uint8Array.from({ length: out.length }, () => (insideNumba(g.nextFloat32(), g.nextFloat32()) ? 1 : 0));
    expect(out).toEqual(expected);
  });
});
