import {
  advanceState,
  invalidArgument,
  jumpState,
  rangePoints,
  seedState,
  streamPoints,
  type GeneratorName,
  type GeneratorState,
  type Plan,
  type StreamRange,
} from '@pi/core';

/** Points one invocation draws at most in a dispatch, by default: 2^13. */
export const DEFAULT_POINTS_PER_INVOCATION = 2 ** 13;

/** Largest `pointsPerInvocation`: 2^20 (a workgroup's sum of 64 counts then fits a u32). */
const MAX_CHUNK_SHIFT = 20;

/** Most streams one dispatch of a groups plan covers: each reads back 8 bytes. */
export const MAX_STREAMS_PER_DISPATCH = 2 ** 22;

/** One dispatch of the π kernel: what it covers, and its uniform block. */
export interface PiDispatch {
  /** First stream it draws from. */
  readonly firstStream: number;
  /** Streams it draws from: [firstStream, firstStream + streams). */
  readonly streams: number;
  /** Whether it starts at point 0 of its first stream and ends each of its streams (else: chunks of one stream). */
  readonly wholeStreams: boolean;
  /** Whether its last stream is complete once it has run (always, for whole streams). */
  readonly completesLastStream: boolean;
  /** Invocations it launches. */
  readonly invocations: number;
  /** Points it draws. */
  readonly points: number;
  /** The kernel's `Params` (12 words): base state, then the layout. */
  readonly params: Uint32Array;
}

/** What a planner needs of a run. */
export interface PiDispatchRun {
  readonly plan: Plan;
  readonly generator: GeneratorName;
  readonly seed: number | bigint;
}

/** Checks `pointsPerInvocation`: a power of two in [1, 2^20]. */
export function checkPointsPerInvocation(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2 ** MAX_CHUNK_SHIFT || (value & (value - 1)) !== 0) {
    throw invalidArgument('pointsPerInvocation', value, 'a power of two in [1, 2^20]');
  }
  return value;
}

/**
 * Cuts a run's streams into dispatches of the π kernel, each at most a given number of invocations. Streams
 * are cut into chunks of P points (P a power of two: `pointsPerInvocation`, or less when every stream is
 * shorter), one chunk per invocation. A dispatch covers whole streams when one stream's chunks fit its
 * budget, and otherwise consecutive chunks of one stream; so a plan of few long streams (the seed's
 * 50,000 × 50,000) still launches many invocations. Host work per dispatch is one stream start (J^k·seed,
 * one 128-bit matrix product per set bit of k) and at most one advance (T^m): it does not depend on how
 * many streams or invocations the dispatch covers.
 */
export class PiDispatchPlanner {
  /** log2 of the points per chunk. */
  readonly chunkShift: number;
  /** Points per chunk (the most one invocation draws). */
  readonly chunkPoints: number;
  private stream: number;
  private chunk = 0;
  private readonly end: number;
  private readonly seeded: GeneratorState;
  private startCache: { stream: number; state: GeneratorState } | undefined;

  constructor(
    private readonly run: PiDispatchRun,
    range: StreamRange,
    pointsPerInvocation = DEFAULT_POINTS_PER_INVOCATION,
    private readonly maxStreams = MAX_STREAMS_PER_DISPATCH,
  ) {
    this.stream = range.firstStream;
    this.end = range.firstStream + range.streams;
    const longest = range.streams === 0 ? 1 : streamPoints(run.plan, range.firstStream);
    let shift = Math.log2(checkPointsPerInvocation(pointsPerInvocation));
    while (shift > 0 && 2 ** (shift - 1) >= longest) shift--;
    this.chunkShift = shift;
    this.chunkPoints = 2 ** shift;
    this.seeded = seedState(run.generator, run.seed);
  }

  /** Whether every stream of the run is in a dispatch already. */
  get done(): boolean {
    return this.stream >= this.end;
  }

  /** The next dispatch, of at most `maxInvocations` invocations (at least one). */
  next(maxInvocations: number): PiDispatch {
    const { plan, generator } = this.run;
    const budget = Math.max(1, Math.floor(maxInvocations));
    const P = this.chunkPoints;
    const s = this.stream;
    const length = streamPoints(plan, s);
    const chunks = Math.ceil(length / P);
    const lastPoints = length - (chunks - 1) * P;
    const keep = plan.kind === 'groups' ? 1 : 0;
    if (this.chunk === 0 && chunks <= budget) {
      // Whole streams; only the run's last stream can be shorter (a samples plan's last block).
      const streams = Math.min(this.end - s, Math.floor(budget / chunks), this.maxStreams);
      const finalLength = streamPoints(plan, s + streams - 1);
      const finalChunks = Math.ceil(finalLength / P);
      const invocations = (streams - 1) * chunks + finalChunks;
      this.stream += streams;
      const params = this.params(
        this.start(s),
        streams,
        chunks,
        lastPoints,
        finalChunks,
        finalLength - (finalChunks - 1) * P,
        invocations,
        keep,
      );
      return {
        firstStream: s,
        streams,
        wholeStreams: true,
        completesLastStream: true,
        invocations,
        points: rangePoints(plan, s, streams),
        params,
      };
    }
    // Chunks [chunk, chunk + q) of one long stream, from the state at the first chunk's first point.
    const left = chunks - this.chunk;
    const q = Math.min(budget, left);
    const completes = q === left;
    const base = advanceState(generator, this.start(s), 2n * BigInt(this.chunk) * BigInt(P));
    const final = completes ? lastPoints : P;
    const points = completes ? length - this.chunk * P : q * P;
    this.chunk += q;
    if (completes) {
      this.stream++;
      this.chunk = 0;
    }
    const params = this.params(base, 1, q, final, q, final, q, keep);
    return { firstStream: s, streams: 1, wholeStreams: false, completesLastStream: completes, invocations: q, points, params };
  }

  private start(stream: number): GeneratorState {
    if (this.startCache?.stream !== stream) {
      this.startCache = { stream, state: jumpState(this.run.generator, this.seeded, stream) };
    }
    return this.startCache.state;
  }

  private params(base: GeneratorState, ...layout: number[]): Uint32Array {
    const [streams, chunks, lastChunkPoints, finalChunks, finalLastPoints, invocations, keep] = layout;
    return new Uint32Array([
      ...base,
      streams!,
      chunks!,
      lastChunkPoints!,
      finalChunks!,
      finalLastPoints!,
      this.chunkShift,
      invocations!,
      keep!,
    ]);
  }
}
