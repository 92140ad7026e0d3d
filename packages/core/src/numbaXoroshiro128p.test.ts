import { describe, expect, it } from 'vitest';
import fixtures from '../test-vectors/numba/fixtures.json' with { type: 'json' };
import { insideNumba } from './insideRule.js';
import { numbaJumpState, numbaSeedState, numbaXoroshiro128p, numbaXoroshiro128pFromState } from './numbaXoroshiro128p.js';
import { streamState } from './streams.js';

describe('numba generator against numba CUDA simulator fixtures', () => {
  // fixtures.json: per-thread counts of the seed's compute_pi_kernel (pnpm vectors:numba).
  for (const c of fixtures.cases.filter((c) => c.pointsPerGroup * c.groups <= 40_000)) {
    it(`${c.pointsPerGroup} × ${c.groups}, seed ${c.seed}: every thread's count`, () => {
      const counts: number[] = [];
      let state = numbaSeedState(BigInt(c.seed));
      for (let thread = 0; thread < c.groups; thread++) {
        const g = numbaXoroshiro128pFromState(state);
        let inside = 0;
        for (let i = 0; i < c.pointsPerGroup; i++) {
          const x = g.nextFloat32();
          const y = g.nextFloat32();
          if (insideNumba(x, y)) inside++;
        }
        counts.push(inside);
        state = numbaJumpState(state);
      }
      expect(counts).toEqual(c.counts);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(c.totalInside);
    });
  }
});

describe('numba generator', () => {
  it('seeds s0 = s1 = SplitMix64(seed) as numba does', () => {
    const [a, b, c, d] = numbaSeedState(1234);
    expect([a, b]).toEqual([c, d]);
  });

  it('float32 draws lie in [0, 1] and are float32 values', () => {
    const g = numbaXoroshiro128p(3);
    for (let i = 0; i < 1000; i++) {
      const x = g.nextFloat32();
      expect(x).toBe(Math.fround(x));
      expect(x >= 0 && x <= 1).toBe(true);
    }
  });

  it('clone, getState and the jump compose like the stream rule', () => {
    const g = numbaXoroshiro128p(77);
    const copy = g.clone();
    expect([g.next(), g.next()]).toEqual([copy.next(), copy.next()]);
    const j = numbaXoroshiro128p(77);
    j.jump();
    j.jump();
    expect(j.getState()).toEqual(streamState('numba', 77, 2));
  });
});
