import { StreamCursor, streamPoints, type GeneratorName, type GeneratorState, type Plan } from '@pi/core';
import { NUMBA_WIDE_LANES, SIMD_KERNEL_BASE64, XOSHIRO_WIDE_LANES } from './_simdKernel.generated.js';
import { streamCounters } from './streamCounter.js';

/** Word offset of the per-lane counts in the kernel's memory (byte 1024, see wasm/simdKernel.wat.mjs). */
const COUNTS_WORD = 256;

/**
 * Points per lane per kernel call. V8 first runs a WebAssembly function in its baseline tier and never
 * switches a call that is already running, so one long call would stay slow; short calls (about 0.1 ms
 * each) let the optimized code take over after the first few.
 *
 * @internal
 */
export const SIMD_CHUNK = 8192;

/** Points per scalar call for the few streams that do not fill a SIMD batch. */
const SCALAR_PIECE = 1 << 16;

/** The parts of the WebAssembly JS API used here (this package compiles without the DOM library). */
declare namespace WebAssembly {
  interface Module {
    readonly __brand: 'WebAssembly.Module';
  }
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
  function validate(bytes: Uint8Array): boolean;
  function compile(bytes: Uint8Array): Promise<Module>;
  function instantiate(module: Module): Promise<Instance>;
}

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  xoshiro1(points: number): void;
  xoshiroWide(points: number): void;
  numba1(points: number): void;
  numbaWide(points: number): void;
}

let bytes: Uint8Array | undefined;
let compiled: Promise<WebAssembly.Module> | undefined;

/** The kernels' module bytes (decoded once). */
function kernelBytes(): Uint8Array {
  if (bytes === undefined) {
    const text = atob(SIMD_KERNEL_BASE64);
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  }
  return bytes;
}

/** Whether this runtime has WebAssembly with the fixed-width SIMD proposal (v128). */
export function simdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(kernelBytes());
}

/**
 * Compiles the kernels' module once per thread (asynchronously: browsers refuse large synchronous compiles).
 *
 * @internal
 */
export function compileSimdKernel(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(kernelBytes());
  return compiled;
}

/**
 * Streams per call of each generator's widest kernel (a task of a multiple of this fills it).
 *
 * @internal
 */
export const SIMD_WIDE_LANES: Readonly<Record<GeneratorName, number>> = {
  xoshiro128p: XOSHIRO_WIDE_LANES,
  numba: NUMBA_WIDE_LANES,
};

/**
 * Called once per stream as it completes, in stream order, with its inside count.
 *
 * @internal
 */
export type StreamDone = (stream: number, inside: number) => void;

/**
 * Counts whole streams with the WebAssembly SIMD kernels: lanes are streams. Runs of streams of equal
 * length go through the wide kernel (12 lanes for xoshiro128p, 8 for numba), then the 4-lane one; the few left over (a plan's
 * short last block, or fewer than 4 streams) go through the scalar kernel, so every stream is counted
 * from its contract start state exactly as `loop` counts it.
 *
 * @internal
 */
export class SimdStreamCounter {
  private readonly kernel: KernelExports;
  private readonly words: Uint32Array;
  private readonly counts: Int32Array;

  private constructor(instance: WebAssembly.Instance) {
    this.kernel = instance.exports as unknown as KernelExports;
    this.words = new Uint32Array(this.kernel.memory.buffer);
    this.counts = new Int32Array(this.kernel.memory.buffer);
  }

  /** A counter with its own instance (memory) of the compiled kernels. */
  static async create(): Promise<SimdStreamCounter> {
    return new SimdStreamCounter(await WebAssembly.instantiate(await compileSimdKernel()));
  }

  /**
   * Counts streams [first, first + count) of a plan. A generator: it yields after every kernel call
   * (a fraction of a millisecond) so the caller can yield to its event loop, watch the clock or stop;
   * `onStream` hears of each stream only once it is complete, so stopping never half-counts one.
   */
  *countStreams(
    generator: GeneratorName,
    seed: number,
    plan: Plan,
    first: number,
    count: number,
    onStream: StreamDone,
  ): Generator<void, void, void> {
    const end = first + count;
    const wide = SIMD_WIDE_LANES[generator];
    const states: GeneratorState[] = [];
    const cursor = new StreamCursor(generator, seed, first);
    // Start state of stream k, for k increasing by one from `first`: one jump each.
    const stateOf = (k: number): GeneratorState => {
      while (cursor.stream < k) cursor.advance();
      return cursor.state;
    };
    let k = first;
    while (k < end) {
      const points = streamPoints(plan, k);
      let run = 1;
      while (run < wide && k + run < end && streamPoints(plan, k + run) === points) run++;
      const lanes = run >= wide ? wide : run >= 4 ? 4 : 0;
      if (lanes === 0) {
        const state = new Int32Array(stateOf(k));
        const counter = streamCounters[generator];
        let inside = 0;
        for (let left = points; left > 0; ) {
          const n = left < SCALAR_PIECE ? left : SCALAR_PIECE;
          inside += counter(state, n);
          left -= n;
          yield;
        }
        onStream(k, inside);
        k += 1;
        continue;
      }
      states.length = 0;
      for (let i = 0; i < lanes; i++) states.push(stateOf(k + i));
      this.load(generator, states);
      const call =
        generator === 'numba'
          ? lanes === 4
            ? this.kernel.numba1
            : this.kernel.numbaWide
          : lanes === 4
            ? this.kernel.xoshiro1
            : this.kernel.xoshiroWide;
      for (let left = points; left > 0; ) {
        const n = left < SIMD_CHUNK ? left : SIMD_CHUNK;
        call(n);
        left -= n;
        yield;
      }
      for (let i = 0; i < lanes; i++) onStream(k + i, this.counts[COUNTS_WORD + i]!);
      k += lanes;
    }
  }

  /** Packs lane states into the kernel's memory (layout in wasm/simdKernel.wat.mjs) and zeroes the counts. */
  private load(generator: GeneratorName, states: readonly GeneratorState[]): void {
    const w = this.words;
    states.forEach((s, lane) => {
      const set = lane >> 2;
      const i = lane & 3;
      if (generator === 'numba') {
        // Set j: s0 of lanes 0–1, s0 of lanes 2–3, s1 of lanes 0–1, s1 of lanes 2–3, as i64 (lo, hi).
        const at = 16 * set + 4 * (i >> 1) + 2 * (i & 1);
        w[at] = s[0];
        w[at + 1] = s[1];
        w[at + 8] = s[2];
        w[at + 9] = s[3];
      } else {
        for (let word = 0; word < 4; word++) w[16 * set + 4 * word + i] = s[word as 0 | 1 | 2 | 3];
      }
      this.counts[COUNTS_WORD + lane] = 0;
    });
  }
}
