import { numbaJumpState, numbaSeedState } from './numbaXoroshiro128p.js';
import type { GeneratorName, GeneratorState } from './types.js';
import { xoshiro128pJumpState, xoshiro128pSeedState } from './xoshiro128p.js';

/**
 * Stream start states. Stream k starts at the seeded state advanced k · 2^64 steps. Both generators are
 * linear over GF(2), so the jump is a 128 × 128 bit matrix J; J^(2^i) is built by squaring, and
 * J^k · s costs one matrix-vector product per set bit of k. Stream 10^12 is as cheap as stream 1.
 */

/** Matrix columns: column c is J applied to the unit state with bit c set (4 words each). */
export type BitMatrix = Uint32Array;

/** The matrix applied to a state: the XOR of the columns of its set bits. */
export function applyMatrix(m: BitMatrix, state: GeneratorState): GeneratorState {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let word = 0; word < 4; word++) {
    const w = state[word as 0 | 1 | 2 | 3];
    for (let bit = 0; bit < 32; bit++) {
      if ((w >>> bit) & 1) {
        const col = (word * 32 + bit) * 4;
        a ^= m[col]!;
        b ^= m[col + 1]!;
        c ^= m[col + 2]!;
        d ^= m[col + 3]!;
      }
    }
  }
  return [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
}

/** The matrix of a GF(2)-linear map of states. */
export function matrixOf(linear: (s: GeneratorState) => GeneratorState): BitMatrix {
  const m = new Uint32Array(128 * 4);
  for (let bit = 0; bit < 128; bit++) {
    const unit: [number, number, number, number] = [0, 0, 0, 0];
    unit[bit >> 5] = (1 << (bit & 31)) >>> 0;
    m.set(linear(unit), bit * 4);
  }
  return m;
}

/** The matrix squared. */
export function square(m: BitMatrix): BitMatrix {
  return matrixOf((s) => applyMatrix(m, applyMatrix(m, s)));
}

const jumpFunctions: Record<GeneratorName, (s: GeneratorState) => GeneratorState> = {
  xoshiro128p: xoshiro128pJumpState,
  numba: numbaJumpState,
};

/** powers[g][i] = J^(2^i) for generator g, built on first use. */
const powers: Record<GeneratorName, BitMatrix[]> = { xoshiro128p: [], numba: [] };

/** M^(2^i) from a cache of the powers so far (M = the matrix of `linear`), extended by squaring. */
export function powerOfTwo(list: BitMatrix[], linear: (s: GeneratorState) => GeneratorState, i: number): BitMatrix {
  if (list.length === 0) list.push(matrixOf(linear));
  while (list.length <= i) list.push(square(list[list.length - 1]!));
  return list[i]!;
}

/** J^(2^i) for a generator's 2^64 jump, built on first use. */
export function jumpPower(generator: GeneratorName, i: number): BitMatrix {
  return powerOfTwo(powers[generator], jumpFunctions[generator], i);
}

/** The state a seed gives for a generator (stream 0). */
export function seedState(generator: GeneratorName, seed: number | bigint): GeneratorState {
  return generator === 'numba' ? numbaSeedState(seed) : xoshiro128pSeedState(seed);
}

/** The state advanced by `times` · 2^64 steps (`times` an integer in [0, 2^53)). */
export function jumpState(generator: GeneratorName, state: GeneratorState, times = 1): GeneratorState {
  let s = state;
  let k = times;
  for (let i = 0; k > 0; i++) {
    if (k % 2 === 1) s = applyMatrix(jumpPower(generator, i), s);
    k = Math.floor(k / 2);
  }
  return s;
}

/**
 * Start state of stream k for a generator and seed: the seeded state jumped k · 2^64 steps, in one
 * matrix–vector product per set bit of k.
 *
 * @example
 * ```ts
 * import { streamState, xoshiro128pFromState } from '@pi/core';
 *
 * const g = xoshiro128pFromState([...streamState('xoshiro128p', 1, 1_000_000)]);
 * g.next(); // the first draw of stream 1,000,000
 * ```
 */
export function streamState(generator: GeneratorName, seed: number | bigint, stream: number): GeneratorState {
  return jumpState(generator, seedState(generator, seed), stream);
}

/**
 * Walks consecutive streams of a generator and seed: `state` is the start state of stream `stream`, and
 * `advance()` moves to the next stream (one multiplication by J). Every executor that visits streams in
 * order (the loop, the SIMD kernel, workers, plot, the GPU's batches) walks them with a cursor, so the
 * start states are computed one way.
 */
export class StreamCursor {
  /** The stream whose start state `state` is. */
  stream: number;
  /** Start state of `stream`. */
  state: GeneratorState;
  private readonly one: BitMatrix;

  constructor(
    readonly generator: GeneratorName,
    seed: number | bigint,
    firstStream = 0,
  ) {
    this.stream = firstStream;
    this.state = streamState(generator, seed, firstStream);
    this.one = jumpPower(generator, 0);
  }

  /** Moves to the next stream and returns its start state. */
  advance(): GeneratorState {
    this.state = applyMatrix(this.one, this.state);
    this.stream++;
    return this.state;
  }

  /**
   * Writes the start states of the next `count` streams into `out` (4 words each, from `offset` words)
   * and moves past them.
   */
  take<Out extends Uint32Array | Int32Array>(count: number, out: Out, offset = 0): Out {
    for (let i = 0; i < count; i++) {
      out.set(this.state, offset + i * 4);
      this.advance();
    }
    return out;
  }
}

/** Start states of `count` consecutive streams from `first`, packed as 4 words each. */
export function streamStates(generator: GeneratorName, seed: number | bigint, first: number, count: number): Uint32Array {
  return new StreamCursor(generator, seed, first).take(count, new Uint32Array(count * 4));
}
