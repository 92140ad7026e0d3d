import { checkState } from './_checkState.js';
import { splitmix64 } from './splitmix64.js';
import type { GeneratorState, RandomGenerator } from './types.js';

/**
 * The generator of the seed's GPU section, `numba.cuda.random`: xoroshiro128+ with the 2016 constants
 * (Blackman and Vigna: rotl 55, shift 14, rotl 36), output s0 + s1 (mod 2^64).
 *
 * Seeding, as numba's `init_xoroshiro128p_state`: z = SplitMix64's first output for the seed, and
 * s0 = s1 = z. Thread (stream) i is the seeded state jumped i times by 2^64 steps with the polynomial
 * (0xbeac0467eba5facb, 0xd86b048b86aa9922). A float32 draw is float32((x >> 11) · 2^-53), rounded to
 * nearest, as `xoroshiro128p_uniform_float32`.
 *
 * This object is the readable reference (BigInt); hot loops use 32-bit halves and are tested against it.
 * State words: [s0 low, s0 high, s1 low, s1 high].
 */

const MASK64 = (1n << 64n) - 1n;

/** The jump polynomial numba uses: 2^64 steps. */
export const NUMBA_JUMP = [0xbeac0467eba5facbn, 0xd86b048b86aa9922n] as const;

const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (64n - k))) & MASK64;

function toWords(s0: bigint, s1: bigint): GeneratorState {
  return [Number(s0 & 0xffffffffn), Number(s0 >> 32n), Number(s1 & 0xffffffffn), Number(s1 >> 32n)];
}

/** The state a seed gives (numba's init_xoroshiro128p_state). */
export function numbaSeedState(seed: number | bigint): GeneratorState {
  const [z] = splitmix64(BigInt(seed), 1) as [bigint];
  return toWords(z, z);
}

class NumbaXoroshiro128Plus implements RandomGenerator<bigint> {
  readonly name = 'numba' as const;
  private s0: bigint;
  private s1: bigint;

  constructor(state: GeneratorState) {
    this.s0 = BigInt(state[0]) | (BigInt(state[1]) << 32n);
    this.s1 = BigInt(state[2]) | (BigInt(state[3]) << 32n);
  }

  next(): bigint {
    const s0 = this.s0;
    let s1 = this.s1;
    const result = (s0 + s1) & MASK64;
    s1 ^= s0;
    this.s0 = rotl(s0, 55n) ^ s1 ^ ((s1 << 14n) & MASK64);
    this.s1 = rotl(s1, 36n);
    return result;
  }

  /** The next draw as numba's xoroshiro128p_uniform_float32 makes it: a float32 in [0, 1]. */
  nextFloat32(): number {
    return Math.fround(Number(this.next() >> 11n) * 2 ** -53);
  }

  jump(): void {
    let j0 = 0n;
    let j1 = 0n;
    for (const word of NUMBA_JUMP) {
      for (let b = 0n; b < 64n; b++) {
        if ((word >> b) & 1n) {
          j0 ^= this.s0;
          j1 ^= this.s1;
        }
        this.next();
      }
    }
    this.s0 = j0;
    this.s1 = j1;
  }

  getState(): GeneratorState {
    return toWords(this.s0, this.s1);
  }

  clone(): NumbaXoroshiro128Plus {
    return new NumbaXoroshiro128Plus(this.getState());
  }
}

/** numba.cuda.random's generator, as an object with `nextFloat32()` besides the raw 64-bit `next()`. */
export type NumbaGenerator = RandomGenerator<bigint> & { nextFloat32(): number };

/**
 * numba's xoroshiro128+ seeded as numba seeds it (`create_xoroshiro128p_states` for one thread).
 * `nextFloat32()` is `xoroshiro128p_uniform_float32`.
 *
 * @example
 * ```ts
 * import { insideNumba, numbaXoroshiro128p } from '@pi/core';
 *
 * const generator = numbaXoroshiro128p(1234); // thread 0 of the lecture's kernel
 * const x = generator.nextFloat32();
 * const y = generator.nextFloat32();
 * console.log(insideNumba(x, y));
 * ```
 */
export function numbaXoroshiro128p(seed: number | bigint): NumbaGenerator {
  return new NumbaXoroshiro128Plus(numbaSeedState(seed));
}

/** numba's xoroshiro128+ resumed from a state (validated). */
export function numbaXoroshiro128pFromState(state: readonly number[]): NumbaGenerator {
  return new NumbaXoroshiro128Plus(checkState(state, 'numba'));
}

/** The state advanced by 2^64 steps. */
export function numbaJumpState(state: GeneratorState): GeneratorState {
  const g = new NumbaXoroshiro128Plus(state);
  g.jump();
  return g.getState();
}
