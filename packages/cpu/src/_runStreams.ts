import { StreamCursor, streamPoints, type PiResult, type ResolvedEstimateOptions } from '@pi/core';
import { RunTally, type RunIdentity } from '@pi/core/internal';
import type { StreamCounter } from './kernels/streamCounter.js';

/** Points counted between clock checks: about a millisecond of work. */
const PIECE = 1 << 18;

/** How a single-threaded backend runs a plan, stream by stream. */
export interface StreamRun extends RunIdentity {
  /** Counts points of one stream from a state, advancing it. */
  readonly counter: StreamCounter;
}

/**
 * Runs every stream of a plan (or of its shard) in order on this thread. Streams are counted in pieces so
 * the event loop runs every ~40 ms: an abort then returns the complete streams so far (never a half-counted
 * one), and progress is reported at most every 100 ms.
 */
export async function runStreams(run: StreamRun, options: ResolvedEstimateOptions): Promise<PiResult> {
  const { plan, generator, seed } = options;
  const tally = new RunTally(options);
  const { firstStream, streams } = tally;
  const state = new Int32Array(4);
  const one = [0];
  const cursor = new StreamCursor(generator, seed, firstStream);
  for (let k = firstStream; k < firstStream + streams && !tally.aborted; k++) {
    if (k > firstStream) cursor.advance();
    state.set(cursor.state);
    let streamInside = 0;
    for (let left = streamPoints(plan, k); left > 0 && !tally.aborted; ) {
      const n = left < PIECE ? left : PIECE;
      streamInside += run.counter(state, n);
      left -= n;
      if (tally.pauseDue()) await tally.pause();
    }
    if (tally.aborted) break;
    one[0] = streamInside;
    tally.addStreams(k, one);
  }
  return tally.result(run);
}
