import { checkState } from './_checkState.js';
import { splitmix64 } from './splitmix64.js';
import type { GeneratorState, RandomGenerator } from './types.js';

/**
 * xoshiro128+ 1.0 (Blackman and Vigna, 2018, https://prng.di.unimi.it/xoshiro128plus.c): four 32-bit
 * words, output s0 + s3 (mod 2^32), shift 9, rotation 11. Period 2^128 − 1.
 *
 * Seeding (the contract): the first two outputs z0, z1 of SplitMix64 started at the seed give
 * s0 = low32(z0), s1 = high32(z0), s2 = low32(z1), s3 = high32(z1).
 */

/** The published jump polynomial: 2^64 steps. */
export const XOSHIRO128P_JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

/** The state a seed gives (SplitMix64, see above). */
export function xoshiro128pSeedState(seed: number | bigint): GeneratorState {
  const [z0, z1] = splitmix64(BigInt(seed), 2) as [bigint, bigint];
  const lo = (z: bigint) => Number(z & 0xffffffffn);
  const hi = (z: bigint) => Number(z >> 32n);
  return [lo(z0), hi(z0), lo(z1), hi(z1)];
}

/** The state advanced by 2^64 steps. */
export function xoshiro128pJumpState(state: GeneratorState): GeneratorState {
  let [s0, s1, s2, s3] = state;
  let j0 = 0;
  let j1 = 0;
  let j2 = 0;
  let j3 = 0;
  for (const word of XOSHIRO128P_JUMP) {
    for (let b = 0; b < 32; b++) {
      if ((word >>> b) & 1) {
        j0 ^= s0;
        j1 ^= s1;
        j2 ^= s2;
        j3 ^= s3;
      }
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
  }
  return [j0 >>> 0, j1 >>> 0, j2 >>> 0, j3 >>> 0];
}

class Xoshiro128Plus implements RandomGenerator<number> {
  readonly name = 'xoshiro128p' as const;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: GeneratorState) {
    [this.s0, this.s1, this.s2, this.s3] = state;
  }

  next(): number {
    const result = (this.s0 + this.s3) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  jump(): void {
    [this.s0, this.s1, this.s2, this.s3] = xoshiro128pJumpState(this.getState());
  }

  getState(): GeneratorState {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  clone(): Xoshiro128Plus {
    return new Xoshiro128Plus(this.getState());
  }
}

/**
 * A xoshiro128+ generator seeded per the contract. `next()` returns an unsigned 32-bit integer;
 * `jump()` moves 2^64 steps ahead, to the start of the next stream.
 *
 * @example
 * ```ts
 * import { insideXoshiro, xoshiro128p } from '@pi/core';
 *
 * const generator = xoshiro128p(7); // stream 0 of seed 7
 * const inside = insideXoshiro(generator.next(), generator.next());
 * generator.jump(); // stream 1
 * ```
 */
export function xoshiro128p(seed: number | bigint): RandomGenerator<number> {
  return new Xoshiro128Plus(xoshiro128pSeedState(seed));
}

/** A xoshiro128+ generator resumed from a state (validated: four uint32 words, not all zero). */
export function xoshiro128pFromState(state: readonly number[]): RandomGenerator<number> {
  return new Xoshiro128Plus(checkState(state, 'xoshiro128p'));
}
