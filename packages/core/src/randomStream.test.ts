import { describe, expect, test } from 'vitest';
import { numbaXoroshiro128pFromState } from './numbaXoroshiro128p.js';
import { advanceState, randomStream, streamMatrices, streamPointState, STREAM_MATRIX_POWERS, STREAM_MATRIX_WORDS } from './randomStream.js';
import { applyMatrix, jumpState, seedState, streamState } from './streams.js';
import { xoshiro128pFromState } from './xoshiro128p.js';

// The CPU twin of the device's stream starts: T^m (advance) against stepping the generator m times, and the
// packed matrices against the jump they stand for.
const stepper = {
  xoshiro128p: (s: readonly number[]) => xoshiro128pFromState(s),
  numba: (s: readonly number[]) => numbaXoroshiro128pFromState(s),
};

describe.each(['xoshiro128p', 'numba'] as const)('%s', (generator) => {
  test('advanceState(m) equals m steps, for m = 0, 1, 2, 3, 1000, 4097', () => {
    const start = streamState(generator, 77, 5);
    for (const m of [0, 1, 2, 3, 1000, 4097]) {
      const g = stepper[generator](start);
      for (let i = 0; i < m; i++) g.next();
      expect(advanceState(generator, start, m)).toEqual(g.getState());
    }
  });

  test('advancing adds: T^a · T^b = T^(a+b), far inside a stream (2^40 + 12345 steps)', () => {
    const s = seedState(generator, 9);
    const a = 2n ** 40n;
    expect(advanceState(generator, advanceState(generator, s, a), 12_345)).toEqual(advanceState(generator, s, a + 12_345n));
    expect(advanceState(generator, s, a)).not.toEqual(s);
  });

  test('the packed matrices: J^(2^i) and T^(2^i) at their indices', () => {
    const m = streamMatrices(generator);
    expect(m.length).toBe(2 * STREAM_MATRIX_POWERS * STREAM_MATRIX_WORDS);
    const s = seedState(generator, 3);
    const matrix = (index: number) => m.subarray(index * STREAM_MATRIX_WORDS, (index + 1) * STREAM_MATRIX_WORDS);
    expect(applyMatrix(matrix(0), s)).toEqual(jumpState(generator, s, 1));
    expect(applyMatrix(matrix(5), s)).toEqual(jumpState(generator, s, 32));
    expect(applyMatrix(matrix(STREAM_MATRIX_POWERS), s)).toEqual(advanceState(generator, s, 1));
    expect(applyMatrix(matrix(STREAM_MATRIX_POWERS + 7), s)).toEqual(advanceState(generator, s, 128));
  });

  test('randomStream: stream k, skip m draws what the generator draws there', () => {
    const r = randomStream(generator, 11, 6, 40);
    const g = stepper[generator](streamState(generator, 11, 6));
    for (let i = 0; i < 40; i++) g.next();
    const first = g.next();
    const expected = typeof first === 'bigint' ? Number(first >> 32n) : first;
    expect(r.nextU32()).toBe(expected);
    expect(r.getState()).toEqual(g.getState());
    expect(streamPointState(generator, 11, 6, 20)).toEqual(advanceState(generator, streamState(generator, 11, 6), 40));
  });

  test('uniformF32 is a float32 in [0, 1]', () => {
    const r = randomStream(generator, 1, 0);
    for (let i = 0; i < 1000; i++) {
      const u = r.uniformF32();
      expect(u).toBe(Math.fround(u));
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(1);
    }
  });
});

test('numba uniformF32 is numba.cuda.random xoroshiro128p_uniform_float32', () => {
  const r = randomStream('numba', 20220116, 2);
  const g = numbaXoroshiro128pFromState(streamState('numba', 20220116, 2));
  for (let i = 0; i < 100; i++) expect(r.uniformF32()).toBe(g.nextFloat32());
});

test('advanceState refuses steps outside [0, 2^64)', () => {
  expect(() => advanceState('xoshiro128p', [1, 2, 3, 4], -1)).toThrow(/\[0, 2\^64\)/);
  expect(() => advanceState('xoshiro128p', [1, 2, 3, 4], 2n ** 64n)).toThrow(/\[0, 2\^64\)/);
});
