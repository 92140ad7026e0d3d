import {
  jumpState,
  makeResult,
  rangePoints,
  shardStreams,
  streamPoints,
  streamState,
  yieldToEventLoop,
  type GeneratorName,
  type PiResult,
  type ResolvedEstimateOptions,
  type UnseededSource,
} from '@pi/core';
import type { StreamCounter } from './kernels/streamCounter.js';

/** Points counted between clock checks: about a millisecond of work. */
const PIECE = 1 << 18;
/** Longest stretch without yielding to the event loop (abort signals, timers, progress). */
const SLICE_MS = 40;
/** Least time between two progress reports. */
const PROGRESS_MS = 100;

/** How a single-threaded backend runs a plan, stream by stream. */
export interface StreamRun {
  readonly backend: string;
  readonly reproducible: boolean;
  /** Counts points of one stream from a state, advancing it. */
  readonly counter: StreamCounter;
  /** Reported instead of the contract's generator and seed by backends that keep no contract. */
  readonly source?: { readonly generator: UnseededSource; readonly seed: null };
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Runs every stream of a plan (or of its shard) in order on this thread. Streams are counted in pieces so the event loop
 * runs every ~40 ms: an abort then returns the complete streams so far (never a half-counted one), and
 * progress is reported at most every 100 ms.
 */
export async function runStreams(run: StreamRun, options: ResolvedEstimateOptions): Promise<PiResult> {
  const { plan, generator, seed, signal, onProgress, shard } = options;
  const { firstStream, streams } = shardStreams(plan, shard);
  const samplesTotal = rangePoints(plan, firstStream, streams);
  const groupCounts: number[] | undefined = plan.kind === 'groups' ? [] : undefined;
  const state = new Int32Array(4);
  const started = performance.now();
  let sliceStarted = started;
  let lastProgress = started;
  let inside = 0;
  let samplesDone = 0;
  let aborted = signal?.aborted === true;

  const finish = () =>
    makeResult({
      plan,
      generator: run.source?.generator ?? (generator satisfies GeneratorName),
      seed: run.source === undefined ? seed : null,
      backend: run.backend,
      reproducible: run.reproducible,
      inside,
      samples: samplesDone,
      seconds: (performance.now() - started) / 1000,
      status: aborted ? 'aborted' : 'completed',
      ...(groupCounts === undefined ? {} : { groupCounts }),
      ...(shard === undefined ? {} : { shard: { ...shard, firstStream, streams } }),
      ...(run.details === undefined ? {} : { details: run.details }),
    });

  let base = streamState(generator, seed, firstStream);
  for (let k = firstStream; k < firstStream + streams && !aborted; k++) {
    if (k > firstStream) base = jumpState(generator, base, 1);
    state.set(base);
    const points = streamPoints(plan, k);
    let streamInside = 0;
    for (let left = points; left > 0; ) {
      const n = left < PIECE ? left : PIECE;
      streamInside += run.counter(state, n);
      left -= n;
      const now = performance.now();
      if (now - sliceStarted >= SLICE_MS) {
        if (onProgress !== undefined && now - lastProgress >= PROGRESS_MS) {
          lastProgress = now;
          onProgress({ samplesDone, samplesTotal, inside, elapsedSeconds: (now - started) / 1000 });
        }
        await yieldToEventLoop();
        sliceStarted = performance.now();
        if (signal?.aborted === true) {
          aborted = true;
          break;
        }
      }
    }
    if (aborted) break;
    inside += streamInside;
    samplesDone += points;
    groupCounts?.push(streamInside);
  }
  onProgress?.({ samplesDone, samplesTotal, inside, elapsedSeconds: (performance.now() - started) / 1000 });
  return finish();
}
