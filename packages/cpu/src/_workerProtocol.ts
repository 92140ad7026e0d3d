import type { GeneratorName, Plan } from '@pi/core';

/** Main thread → worker: count streams [first, first + count) of a plan. */
export interface CountTask {
  readonly type: 'count';
  /** Task id, unique within the pool. */
  readonly id: number;
  readonly generator: GeneratorName;
  readonly seed: number;
  readonly plan: Plan;
  readonly first: number;
  readonly count: number;
  /** Test hook: the worker dies (exits, or throws where it cannot exit) instead of counting. */
  readonly crash?: boolean;
  /** Test hook: the worker hangs in an endless loop instead of counting (the pool's watchdog must notice). */
  readonly hang?: boolean;
}

/** Worker → main thread: each stream's inside count, in stream order. */
export interface CountDone {
  readonly type: 'counted';
  readonly id: number;
  readonly counts: Float64Array;
  /** Which kernel counted: `wasm-simd128`, or `scalar` where the runtime lacks WebAssembly SIMD. */
  readonly kernel: string;
}

/** Worker → main thread: counting threw (a bug, not a crash); the run fails with WORKER_FAILED. */
export interface CountFailed {
  readonly type: 'failed';
  readonly id: number;
  readonly message: string;
}

/** Anything a worker posts. */
export type WorkerReply = CountDone | CountFailed;
