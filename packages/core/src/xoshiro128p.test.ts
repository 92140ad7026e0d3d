import { describe, expect, it } from 'vitest';
import vectors from '../test-vectors/xoshiro128p/vectors.json' with { type: 'json' };
import { PiError } from './piError.js';
import { xoshiro128p, xoshiro128pFromState, xoshiro128pJumpState, xoshiro128pSeedState } from './xoshiro128p.js';

// Known answers from the independent C implementation in test-vectors/xoshiro128p (pnpm vectors:xoshiro).
describe('xoshiro128p known answers (C reference, gcc)', () => {
  for (const c of vectors.cases) {
    it(`seed ${c.seed}: seeding, 100 outputs, 1 and 3 jumps`, () => {
      expect(xoshiro128pSeedState(BigInt(c.seed))).toEqual(c.state);
      const g = xoshiro128p(BigInt(c.seed));
      expect(Array.from({ length: 100 }, () => g.next())).toEqual(c.first100);

      const j = xoshiro128p(BigInt(c.seed));
      j.jump();
      expect(j.getState()).toEqual(c.stateAfter1Jump);
      expect(Array.from({ length: 100 }, () => j.clone().next())[0]).toBe(c.after1Jump[0]);
      expect(Array.from({ length: 100 }, () => j.next())).toEqual(c.after1Jump);

      const j3 = xoshiro128pFromState(c.stateAfter1Jump);
      j3.jump();
      j3.jump();
      expect(j3.getState()).toEqual(c.stateAfter3Jumps);
      expect(Array.from({ length: 100 }, () => j3.next())).toEqual(c.after3Jumps);
      expect(xoshiro128pJumpState(xoshiro128pJumpState(c.stateAfter1Jump as never))).toEqual(c.stateAfter3Jumps);
    });
  }
});

describe('xoshiro128p state', () => {
  it('clone is independent and getState/fromState resumes exactly', () => {
    const g = xoshiro128p(99);
    for (let i = 0; i < 10; i++) g.next();
    const copy = g.clone();
    const resumed = xoshiro128pFromState(g.getState());
    const a = [g.next(), g.next(), g.next()];
    expect([copy.next(), copy.next(), copy.next()]).toEqual(a);
    expect([resumed.next(), resumed.next(), resumed.next()]).toEqual(a);
  });

  it('outputs are unsigned 32-bit integers', () => {
    const g = xoshiro128p(5);
    for (let i = 0; i < 1000; i++) {
      const x = g.next();
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    }
  });

  it.each([[[0, 0, 0, 0]], [[1, 2, 3]], [[1, 2, 3, 2 ** 32]], [[1, 2, 3, -1]], [[1.5, 0, 0, 0]]])(
    'refuses the untrusted state %j',
    (state) => {
      expect(() => xoshiro128pFromState(state)).toThrow(PiError);
      expect(() => xoshiro128pFromState(state)).toThrow(/state: .* expected four unsigned 32-bit integers/);
    },
  );
});
