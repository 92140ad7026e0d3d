import {
  PiError,
  makeResult,
  rangePoints,
  resolveEstimateOptions,
  shardStreams,
  streamPoints,
  yieldToEventLoop,
  type EstimateOptions,
  type Estimator,
  type PiResult,
  type ResolvedEstimateOptions,
} from '@pi/core';
import { SimdStreamCounter, simdSupported } from './kernels/simdKernel.js';

/** Longest stretch without yielding to the event loop (abort signals, timers, progress). */
const SLICE_MS = 40;
/** Least time between two progress reports. */
const PROGRESS_MS = 100;

let counter: Promise<SimdStreamCounter> | undefined;

/** This thread's SIMD counter, compiled and instantiated once. */
function simdCounter(): Promise<SimdStreamCounter> {
  if (!simdSupported()) {
    return Promise.reject(
      new PiError('BACKEND_UNAVAILABLE', 'simd: this runtime has no WebAssembly SIMD (v128); use --backend loop'),
    );
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
  const { plan, generator, seed, signal, onProgress, shard } = options;
  const simd = await simdCounter();
  const { firstStream, streams } = shardStreams(plan, shard);
  const samplesTotal = rangePoints(plan, firstStream, streams);
  const groupCounts: number[] | undefined = plan.kind === 'groups' ? [] : undefined;
  const started = performance.now();
  let sliceStarted = started;
  let lastProgress = started;
  let inside = 0;
  let samplesDone = 0;
  let aborted = signal?.aborted === true;
  const count = simd.countStreams(generator, seed, plan, firstStream, streams, (k, streamInside) => {
    inside += streamInside;
    samplesDone += streamPoints(plan, k);
    groupCounts?.push(streamInside);
  });
  while (!aborted) {
    if (count.next().done === true) break;
    const now = performance.now();
    if (now - sliceStarted >= SLICE_MS) {
      if (onProgress !== undefined && now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        onProgress({ samplesDone, samplesTotal, inside, elapsedSeconds: (now - started) / 1000 });
      }
      await yieldToEventLoop();
      sliceStarted = performance.now();
      if (signal?.aborted === true) aborted = true;
    }
  }
  onProgress?.({ samplesDone, samplesTotal, inside, elapsedSeconds: (performance.now() - started) / 1000 });
  return makeResult({
    plan,
    generator,
    seed,
    backend: 'simd',
    reproducible: true,
    inside,
    samples: samplesDone,
    seconds: (performance.now() - started) / 1000,
    status: aborted ? 'aborted' : 'completed',
    ...(groupCounts === undefined ? {} : { groupCounts }),
    ...(shard === undefined ? {} : { shard: { ...shard, firstStream, streams } }),
    details: { lanes: 'streams', kernel: 'wasm-simd128' },
  });
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

/** Estimates π with the `simd` backend; options are validated here. */
export async function estimateSimd(options: EstimateOptions = {}): Promise<PiResult> {
  return simd.run(resolveEstimateOptions(options));
}
