import {
  PiError,
  resolveEstimateOptions,
  type EstimateOptions,
  type Estimator,
  type PiResult,
  type ResolvedEstimateOptions,
} from '@pi/core';
import { RunTally } from '@pi/core/internal';
import { SimdStreamCounter, simdSupported } from './kernels/simdKernel.js';

let counter: Promise<SimdStreamCounter> | undefined;

/** This thread's SIMD counter, compiled and instantiated once. */
function simdCounter(): Promise<SimdStreamCounter> {
  if (!simdSupported()) {
    return Promise.reject(new PiError('BACKEND_UNAVAILABLE', 'simd: this runtime has no WebAssembly SIMD (v128); use --backend loop'));
  }
  counter ??= SimdStreamCounter.create();
  return counter;
}

/**
 * Counts a plan's streams (or its shard's) on this thread with the SIMD kernels, yielding to the event
 * loop every ~40 ms: an abort returns the streams completed so far (never a half-counted one), and progress
 * is reported about every 100 ms. Shared by the `simd` estimator; workers run the same counter.
 */
async function runSimd(options: ResolvedEstimateOptions): Promise<PiResult> {
  const { plan, generator, seed } = options;
  const simd = await simdCounter();
  const tally = new RunTally(options);
  const one = [0];
  const count = simd.countStreams(generator, seed, plan, tally.firstStream, tally.streams, (k, streamInside) => {
    one[0] = streamInside;
    tally.addStreams(k, one);
  });
  while (!tally.aborted) {
    if (count.next().done === true) break;
    if (tally.pauseDue()) await tally.pause();
  }
  return tally.result({ backend: 'simd', reproducible: true, details: { lanes: 'streams', kernel: 'wasm-simd128' } });
}

/**
 * WebAssembly SIMD (v128) on one thread: lanes are streams, several streams per instruction, with the
 * same `inside` as `loop` for every generator, seed and plan. BACKEND_UNAVAILABLE where the runtime has
 * no WebAssembly SIMD.
 */
export const simd: Estimator = {
  name: 'simd',
  reproducible: true,
  run: runSimd,
};

/**
 * Estimates π with the `simd` backend: WebAssembly SIMD on this thread, several streams per
 * instruction. The same `inside` as `estimateLoop` for the same options. Options are validated here.
 *
 * @example
 * ```ts
 * import { estimateLoop, estimateSimd } from '@pi/cpu';
 *
 * const options = { samples: 20_000_000, seed: 8 };
 * const simd = await estimateSimd(options);
 * const loop = await estimateLoop(options);
 * console.log(simd.inside === loop.inside); // true
 * ```
 */
export async function estimateSimd(options: EstimateOptions = {}): Promise<PiResult> {
  return simd.run(resolveEstimateOptions(options));
}
