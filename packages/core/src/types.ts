/**
 * Public types of @pi/core. Everything a backend needs to claim the reproducibility contract is
 * described here; the functions that implement it live in files named after them.
 */

/** The generators of the reproducibility contract. */
export type GeneratorName = 'xoshiro128p' | 'numba';

/** Sources of randomness outside the contract, named in results that are not reproducible. */
export type UnseededSource = 'Math.random' | 'tf.randomUniform';

/**
 * A generator's 128-bit state as four unsigned 32-bit words.
 * `xoshiro128p`: [s0, s1, s2, s3]. `numba`: [s0 low, s0 high, s1 low, s1 high].
 */
export type GeneratorState = readonly [number, number, number, number];

/** A seeded pseudo-random generator with the 2^64 jump of its authors. */
export interface RandomGenerator<Output> {
  /** Which generator of the contract this is. */
  readonly name: GeneratorName;
  /** The next raw output, advancing the state by one step. */
  next(): Output;
  /** Advance the state by 2^64 steps (the published jump polynomial). */
  jump(): void;
  /** A copy of the current state, suitable for `…FromState`. */
  getState(): GeneratorState;
  /** An independent generator with the same state. */
  clone(): RandomGenerator<Output>;
}

/** `samples` plans cut S points into blocks; block k draws from stream k. */
export interface SamplesPlan {
  readonly kind: 'samples';
  /** Total number of points (each point is two draws, x first). */
  readonly samples: number;
  /** Points per block; the last block may be shorter. Always 65,536 in the contract. */
  readonly blockSize: number;
}

/** `groups` plans are the seed's N × I: group i draws N points from stream i. */
export interface GroupsPlan {
  readonly kind: 'groups';
  /** Points per group: the seed's N (iterations per thread). */
  readonly pointsPerGroup: number;
  /** Number of groups: the seed's I (threads). */
  readonly groups: number;
}

/** Which streams draw how many points. The estimate is the sum over streams. */
export type Plan = SamplesPlan | GroupsPlan;

/** A two-sided confidence interval for π. */
export interface ConfidenceInterval {
  /** Coverage, e.g. 0.95. */
  readonly level: number;
  /** Lower end. */
  readonly lower: number;
  /** Upper end. */
  readonly upper: number;
}

/** Reported while a run goes on. */
export interface Progress {
  /** Points counted so far (complete blocks or groups only). */
  readonly samplesDone: number;
  /** Points this run draws in all (its shard's, when sharded). */
  readonly samplesTotal: number;
  /** Points inside the circle so far. */
  readonly inside: number;
  /** Seconds since the run started. */
  readonly elapsedSeconds: number;
  /**
   * Groups plans: inside count of each complete group so far, in order (the run's live list: copy it to
   * keep it). With `samplesDone` and `inside` it is a checkpoint: every backend counts a prefix of its
   * streams.
   */
  readonly groupCounts?: readonly number[];
}

/** Where an interrupted run stopped: the first `streams` streams of its range are counted. */
export interface ResumePoint {
  /** Streams counted, from the run's (or its shard's) first stream. */
  readonly streams: number;
  /** Points inside over those streams. */
  readonly inside: number;
  /** Groups plans: their inside counts, in order. */
  readonly groupCounts?: readonly number[];
  /** Seconds already spent on them, added to the resumed run's time. */
  readonly seconds?: number;
}

/** One of `count` shards of a plan: shard `index` runs a contiguous range of the plan's streams. */
export interface Shard {
  /** Zero-based shard index, in [0, count). */
  readonly index: number;
  /** Number of shards the plan is split into. */
  readonly count: number;
}

/** The streams a run covers: [firstStream, firstStream + streams). */
export interface StreamRange {
  readonly firstStream: number;
  readonly streams: number;
}

/** Options every estimator accepts, after validation. */
export interface ResolvedEstimateOptions {
  /** What to draw. */
  readonly plan: Plan;
  /** Which generator. */
  readonly generator: GeneratorName;
  /** The user's seed: an integer in [0, 2^53). */
  readonly seed: number;
  /** Stops the run; the result then holds the complete blocks so far with `status: "aborted"`. */
  readonly signal?: AbortSignal | undefined;
  /** Called as blocks complete, at most a few times a second. */
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  /** Run only this shard's streams (see `shardStreams`); the whole plan when absent. */
  readonly shard?: Shard | undefined;
  /** Continue an interrupted run: its first streams are already counted (see `resumePointFrom`). */
  readonly resume?: ResumePoint | undefined;
}

/** Options as a user gives them: exactly one of `samples`, `groups` or `precision`. */
export interface EstimateOptions {
  /** Number of points: an integer in [1, 2^53). */
  readonly samples?: number;
  /** The seed's N × I: `{ pointsPerGroup: N, groups: I }`. */
  readonly groups?: { readonly pointsPerGroup: number; readonly groups: number };
  /** Target half-width of the 95% interval; picks the sample count. */
  readonly precision?: number;
  /** Generator, `xoshiro128p` by default. */
  readonly generator?: GeneratorName;
  /** Seed, an integer in [0, 2^53); 0 by default. */
  readonly seed?: number;
  /** Abort signal. */
  readonly signal?: AbortSignal;
  /** Progress callback. */
  readonly onProgress?: (progress: Progress) => void;
  /** Run only one shard of the plan's streams. */
  readonly shard?: Shard;
}

/** Whether a run covered its whole plan. */
export type RunStatus = 'completed' | 'aborted';

/** What every estimator returns. */
export interface PiResult {
  /** The estimate π̂ = 4 · inside / samples (for groups: the mean of the group estimates, the same number). */
  readonly pi: number;
  /** Points inside the circle. */
  readonly inside: number;
  /** Points drawn (complete blocks only when aborted). */
  readonly samples: number;
  /** Standard error of π̂. */
  readonly standardError: number;
  /** 95% confidence interval. */
  readonly ci: ConfidenceInterval;
  /** Wall time of the run in seconds. */
  readonly seconds: number;
  /** `samples / seconds`. */
  readonly samplesPerSecond: number;
  /** The backend that ran, e.g. `loop`. */
  readonly backend: string;
  /** The generator that drew the points, or the unseeded source of a non-reproducible backend. */
  readonly generator: GeneratorName | UnseededSource;
  /** The seed; `null` where the source takes none. */
  readonly seed: number | null;
  /** The plan asked for (the whole plan, even when aborted). */
  readonly plan: Plan;
  /** Whether the count is fixed by generator, seed and plan (the contract). */
  readonly reproducible: boolean;
  /** `completed`, or `aborted` with the complete blocks so far. */
  readonly status: RunStatus;
  /** Groups plans: inside count of each completed group, in group order. */
  readonly groupCounts?: readonly number[];
  /** Groups plans: 4 · inside / N of each completed group. */
  readonly groupEstimates?: readonly number[];
  /** Present when the run covered one shard: which, and its streams. `samples` and `inside` are the shard's. */
  readonly shard?: Shard & StreamRange;
  /** Free-form facts about how the result was produced (adapter name, threads…). */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** A way to estimate π. A new backend is a new Estimator; nothing in core changes. */
export interface Estimator {
  /** Backend name as shown in results, e.g. `loop`, `simd`, `workers`, `webgpu`. */
  readonly name: string;
  /** Whether results keep the reproducibility contract. */
  readonly reproducible: boolean;
  /** Run one estimate. Rejects with a PiError; resolves with an aborted result on abort. */
  run(options: ResolvedEstimateOptions): Promise<PiResult>;
  /** Release threads, devices and buffers. */
  dispose?(): Promise<void>;
}
