import { numbaXoroshiro128pFromState } from './numbaXoroshiro128p.js';
import { applyMatrix, jumpPower, powerOfTwo, seedState, jumpState, type BitMatrix } from './streams.js';
import type { GeneratorName, GeneratorState } from './types.js';
import { xoshiro128pFromState } from './xoshiro128p.js';

/**
 * The CPU twin of the WGSL random-stream modules (`@pi/gpu-tf`'s `xoshiro128pStreamsWgsl` and
 * `numbaStreamsWgsl`): the same five operations, bit for bit.
 *
 * - seed → state: `seedState` (SplitMix64, the contract's seeding);
 * - stream k's start: the seeded state jumped k · 2^64 steps (`jumpState`, J^k);
 * - advance by m steps: T^m, with T the one-step transition matrix over GF(2);
 * - next u32: xoshiro128+'s output; for numba's 64-bit xoroshiro128+ output, its high 32 bits (the low
 *   bits of a "+" generator are its weakest);
 * - uniform f32 in [0, 1): xoshiro128+: (r >>> 8) · 2^-24, exact; numba: float32((x >> 11) · 2^-53) rounded
 *   to nearest even, as numba's `xoroshiro128p_uniform_float32` (it may round up to 1).
 *
 * A device computes any stream's start, and any point inside it, with one 128 × 128 GF(2) matrix–vector
 * product per set bit of the offset, from the powers J^(2^i) and T^(2^i) that `streamMatrices` packs for
 * upload: no per-stream host work, so launches of any size start cheaply and give the same numbers.
 */

/** Powers of each matrix in `streamMatrices`: J^(2^i) and T^(2^i) for i in [0, 64). */
export const STREAM_MATRIX_POWERS = 64;

/** 32-bit words of one packed 128 × 128 bit matrix (128 columns of 4 words). */
export const STREAM_MATRIX_WORDS = 128 * 4;

const stepFunctions: Record<GeneratorName, (s: GeneratorState) => GeneratorState> = {
  xoshiro128p: (s) => {
    const g = xoshiro128pFromState(s);
    g.next();
    return g.getState();
  },
  numba: (s) => {
    const g = numbaXoroshiro128pFromState(s);
    g.next();
    return g.getState();
  },
};

/** transition[g][i] = T^(2^i), built on first use. */
const transition: Record<GeneratorName, BitMatrix[]> = { xoshiro128p: [], numba: [] };

/** T^(2^i): the generator's one-step transition matrix raised to 2^i. */
export function transitionPower(generator: GeneratorName, i: number): BitMatrix {
  return powerOfTwo(transition[generator], stepFunctions[generator], i);
}

const packed: Partial<Record<GeneratorName, Uint32Array>> = {};

/**
 * The matrices a device needs, packed for one storage buffer (256 KiB): J^(2^i) for i in [0, 64) at matrix
 * index i, then T^(2^i) at index 64 + i. A matrix is 128 columns of 4 words; column c is the image of the
 * state with only bit c set (bit c of word c >> 5), so a product is the XOR of the columns of the set bits.
 */
export function streamMatrices(generator: GeneratorName): Uint32Array {
  let m = packed[generator];
  if (m === undefined) {
    m = new Uint32Array(2 * STREAM_MATRIX_POWERS * STREAM_MATRIX_WORDS);
    for (let i = 0; i < STREAM_MATRIX_POWERS; i++) {
      m.set(jumpPower(generator, i), i * STREAM_MATRIX_WORDS);
      m.set(transitionPower(generator, i), (STREAM_MATRIX_POWERS + i) * STREAM_MATRIX_WORDS);
    }
    packed[generator] = m;
  }
  return m;
}

/** The state advanced by `steps` steps (an integer in [0, 2^64)): one matrix product per set bit. */
export function advanceState(generator: GeneratorName, state: GeneratorState, steps: number | bigint): GeneratorState {
  let k = BigInt(steps);
  if (k < 0n || k >= 1n << 64n) throw new RangeError(`advanceState: steps must be in [0, 2^64), got ${steps}`);
  let s = state;
  for (let i = 0; k > 0n; i++, k >>= 1n) {
    if (k & 1n) s = applyMatrix(transitionPower(generator, i), s);
  }
  return s;
}

/** The state of stream `stream` after its first `points` points (2 draws each) for a seed. */
export function streamPointState(generator: GeneratorName, seed: number | bigint, stream: number, points = 0): GeneratorState {
  return advanceState(generator, jumpState(generator, seedState(generator, seed), stream), 2n * BigInt(points));
}

/** One random stream on the CPU, drawing exactly what the WGSL module's functions draw on a device. */
export interface RandomStream {
  /** The next 32 bits (numba: the high half of the 64-bit output). */
  nextU32(): number;
  /** The next uniform float32 in [0, 1) (numba: [0, 1], rounded as numba rounds). */
  uniformF32(): number;
  /** The current state (4 words), as the device holds it. */
  getState(): GeneratorState;
}

/**
 * Stream `stream` of a seed, `skip` steps in (one step per draw): the CPU twin of a device invocation that
 * starts with `…StreamStart(seed, stream)` and `…Advance(skip)`.
 */
export function randomStream(generator: GeneratorName, seed: number | bigint, stream: number, skip: number | bigint = 0): RandomStream {
  const state = advanceState(generator, jumpState(generator, seedState(generator, seed), stream), skip);
  if (generator === 'numba') {
    const g = numbaXoroshiro128pFromState(state);
    return {
      nextU32: () => Number(g.next() >> 32n),
      uniformF32: () => g.nextFloat32(),
      getState: () => g.getState(),
    };
  }
  const g = xoshiro128pFromState(state);
  return {
    nextU32: () => g.next(),
    uniformF32: () => (g.next() >>> 8) * 2 ** -24,
    getState: () => g.getState(),
  };
}
