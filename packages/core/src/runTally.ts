import { rangePoints, shardStreams } from './plan.js';
import { makeResult } from './result.js';
import type { PiResult, ResolvedEstimateOptions, StreamRange, UnseededSource } from './types.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';

/** Longest stretch of counting without yielding to the event loop (abort signals, timers, messages). */
const SLICE_MS = 40;
/** Least time between two progress reports. */
export const PROGRESS_MS = 100;

/** How a run names itself in its result. */
export interface RunIdentity {
  readonly backend: string;
  readonly reproducible: boolean;
  /** Reported instead of the contract's generator and seed by backends that keep no contract. */
  readonly source?: { readonly generator: UnseededSource; readonly seed: null };
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * What every executor keeps while it runs a plan (or its shard): the streams it covers, what it has
 * counted so far, progress reports at most every 100 ms, the pauses that let an abort in, and the result
 * at the end. One place, so the CPU and GPU backends count, report and abort alike.
 */
export class RunTally {
  /** The streams this executor still has to count: the run's range past a resume point. */
  readonly firstStream: number;
  readonly streams: number;
  /** Points the run covers: its shard's, or the whole plan's (resumed points included). */
  readonly samplesTotal: number;
  readonly started = performance.now();
  inside = 0;
  samplesDone = 0;
  /** Groups plans: inside count of each complete group, in stream order. */
  groupCounts: number[] | undefined;
  aborted: boolean;
  /** The run's whole range: its shard's streams, or the plan's. */
  private readonly range: StreamRange;
  private sliceStarted = this.started;
  private lastProgress = this.started;

  constructor(readonly options: ResolvedEstimateOptions) {
    this.range = shardStreams(options.plan, options.shard);
    const resumed = options.resume?.streams ?? 0;
    this.firstStream = this.range.firstStream + resumed;
    this.streams = this.range.streams - resumed;
    this.samplesTotal = rangePoints(options.plan, this.range.firstStream, this.range.streams);
    this.reset();
    this.aborted = options.signal?.aborted === true;
  }

  /** Adds complete streams [first, first + counts.length) with their inside counts. */
  addStreams(first: number, counts: ArrayLike<number>): void {
    for (let i = 0; i < counts.length; i++) this.inside += counts[i]!;
    this.samplesDone += rangePoints(this.options.plan, first, counts.length);
    if (this.groupCounts !== undefined) for (let i = 0; i < counts.length; i++) this.groupCounts.push(counts[i]!);
  }

  /**
   * Adds points counted without per-stream counts (a samples plan's batch total, or a chunk of a
   * non-reproducible backend). Groups plans must use `addStreams`.
   */
  addPoints(inside: number, points: number): void {
    this.inside += inside;
    this.samplesDone += points;
  }

  /** Reports progress if 100 ms have passed since the last report. */
  reportIfDue(): void {
    const now = performance.now();
    if (this.options.onProgress !== undefined && now - this.lastProgress >= PROGRESS_MS) this.report(now);
  }

  /**
   * Forgets every stream added (back to the resume point, if any): for executors that settle on a prefix
   * of their tasks at the end.
   */
  reset(): void {
    const resume = this.options.resume;
    this.inside = resume?.inside ?? 0;
    this.samplesDone = rangePoints(this.options.plan, this.range.firstStream, resume?.streams ?? 0);
    this.groupCounts = this.options.plan.kind === 'groups' ? [...(resume?.groupCounts ?? [])] : undefined;
  }

  /** Reports progress to the run's callback. */
  report(now = performance.now()): void {
    this.lastProgress = now;
    this.options.onProgress?.({
      samplesDone: this.samplesDone,
      samplesTotal: this.samplesTotal,
      inside: this.inside,
      elapsedSeconds: (now - this.started) / 1000,
      ...(this.groupCounts === undefined ? {} : { groupCounts: this.groupCounts }),
    });
  }

  /** Whether ~40 ms of counting have passed since the last pause: time to call `pause()`. */
  pauseDue(): boolean {
    return performance.now() - this.sliceStarted >= SLICE_MS;
  }

  /** Reports progress if 100 ms have passed, yields to the event loop, and notes an abort. */
  async pause(): Promise<void> {
    this.reportIfDue();
    await yieldToEventLoop();
    this.sliceStarted = performance.now();
    if (this.options.signal?.aborted === true) this.aborted = true;
  }

  /** The result of what was added so far, after a last progress report. */
  result(run: RunIdentity): PiResult {
    const { plan, generator, seed, shard } = this.options;
    this.report();
    return makeResult({
      plan,
      generator: run.source?.generator ?? generator,
      seed: run.source === undefined ? seed : run.source.seed,
      backend: run.backend,
      reproducible: run.reproducible,
      inside: this.inside,
      samples: this.samplesDone,
      seconds: (this.options.resume?.seconds ?? 0) + (performance.now() - this.started) / 1000,
      status: this.aborted ? 'aborted' : 'completed',
      ...(this.groupCounts === undefined ? {} : { groupCounts: this.groupCounts }),
      ...(shard === undefined ? {} : { shard: { ...shard, ...this.range } }),
      ...(run.details === undefined ? {} : { details: run.details }),
    });
  }
}
