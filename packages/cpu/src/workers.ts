import {
  checkOptionKeys,
  invalidArgument,
  PiError,
  resolveEstimateOptions,
  streamPoints,
  type EstimateOptions,
  type Estimator,
  type GeneratorName,
  type PiResult,
  type ResolvedEstimateOptions,
} from '@pi/core';
import { PROGRESS_MS, RunTally } from '@pi/core/internal';
import { platformSpawner, type SpawnWorker, type WorkerHandle } from './_spawnWorker.js';
import type { CountTask, WorkerReply } from './_workerProtocol.js';
import { SIMD_WIDE_LANES } from './kernels/simdKernel.js';

/** Options of `createWorkersEstimator`. */
export interface WorkersOptions {
  /** Worker threads, an integer in [1, 1024]; the available parallelism by default. Never more than the run has tasks. */
  readonly threads?: number;
  /**
   * Milliseconds a worker with tasks may stay silent before it is taken for hung: it is stopped and its
   * tasks retried once on a fresh worker (then WORKER_FAILED). 30,000 by default; a task takes ~20 ms.
   */
  readonly watchdogMs?: number;
  /**
   * Test hook, not for use: the task holding stream `stream` makes its worker die, the first `times`
   * times it is sent (1: the retry succeeds; 2 or more: the run fails with WORKER_FAILED).
   *
   * @internal
   */
  readonly crashOnStream?: { readonly stream: number; readonly times: number };
  /** Test hook, not for use: like `crashOnStream`, but the worker hangs (an endless loop) instead. */
  readonly hangOnStream?: { readonly stream: number; readonly times: number };
}

/** Points per task: about 10–20 ms of one core, so progress is fine-grained and an abort waits little. */
const TASK_POINTS: Record<GeneratorName, number> = { xoshiro128p: 1 << 24, numba: 1 << 23 };
/** Tasks queued per worker: the next one is already there when one finishes. */
const IN_FLIGHT_PER_WORKER = 2;
/** After an abort, how long tasks in flight may finish (they count); workers still busy then are stopped. */
const ABORT_GRACE_MS = 100;
/** Attempts per task: a task whose worker dies or hangs is sent once more, to a fresh worker. */
const MAX_ATTEMPTS = 2;
/** Default silence after which a busy worker is taken for hung. */
export const WATCHDOG_MS = 30_000;

interface Task {
  /** Id of the latest message that sent it. */
  id: number;
  readonly first: number;
  readonly count: number;
  attempts: number;
  counts?: Float64Array;
}

/** One worker: `idle` (no task), `busy` (tasks in flight, heard from at `lastHeard`). A dead one leaves the pool. */
interface Slot {
  readonly handle: WorkerHandle;
  readonly inFlight: Set<Task>;
  lastHeard: number;
}

/** Checks `threads`: an integer in [1, 1024]. */
function checkThreads(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1024) {
    throw invalidArgument('threads', value, 'an integer in [1, 1024]');
  }
  return value;
}

const WORKERS_OPTION_KEYS = ['threads', 'watchdogMs', 'crashOnStream', 'hangOnStream'];

/**
 * Streams per task: about TASK_POINTS points, at least 4 tasks per thread, and a multiple of the widest
 * SIMD kernel's lanes, so every task fills it.
 */
function taskStreams(options: ResolvedEstimateOptions, first: number, count: number, threads: number): number {
  const perStream = Math.max(1, streamPoints(options.plan, first));
  const byPoints = Math.floor(TASK_POINTS[options.generator] / perStream);
  const byBalance = Math.ceil(count / (threads * 4));
  const multiple = SIMD_WIDE_LANES[options.generator];
  return Math.ceil(Math.max(1, Math.min(byPoints, byBalance)) / multiple) * multiple;
}

/**
 * The states of one run on the pool and the transitions between them:
 *
 *   counting ──abort──▶ draining ──grace over, or nothing in flight──▶ done
 *   counting ──all tasks counted──▶ done
 *   counting | draining ──worker failed twice, onProgress threw, pool disposed──▶ failed
 *
 * `done` resolves with the unbroken prefix of counted tasks (all of them unless aborted); `failed` rejects.
 */
type RunState = 'counting' | 'draining' | 'done' | 'failed';

/** One run: hands out tasks, collects counts in stream order, and settles once. */
class PoolRun {
  state: RunState = 'counting';
  readonly tally: RunTally;
  readonly promise: Promise<PiResult>;
  private resolve!: (result: PiResult) => void;
  private reject!: (error: unknown) => void;
  /** Tasks handed out and not yet added to the tally, in stream order; the first is the prefix's next. */
  private readonly pending: Task[] = [];
  private readonly retries: Task[] = [];
  private nextStream: number;
  private readonly end: number;
  private readonly size: number;
  readonly threads: number;
  private kernel = 'wasm-simd128';
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    private readonly pool: WorkerPool,
    readonly options: ResolvedEstimateOptions,
    threads: number,
  ) {
    this.promise = new Promise<PiResult>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.tally = new RunTally(options);
    const { firstStream, streams } = this.tally;
    this.size = taskStreams(options, firstStream, streams, threads);
    // No more workers than tasks: a plan of one stream needs one worker, whatever --threads says.
    this.threads = Math.max(1, Math.min(threads, Math.ceil(streams / this.size)));
    this.nextStream = firstStream;
    this.end = firstStream + streams;
  }

  get settled(): boolean {
    return this.state === 'done' || this.state === 'failed';
  }

  /** Starts the timers (progress, watchdog) and hands out the first tasks. */
  start(): void {
    const progress = setInterval(() => {
      try {
        this.tally.report();
      } catch (error) {
        this.fail(error);
      }
    }, PROGRESS_MS);
    const watchdog = setInterval(() => this.pool.checkSilence(), Math.max(10, this.pool.watchdogMs / 4));
    for (const timer of [progress, watchdog]) {
      (timer as { unref?: () => void }).unref?.();
      this.timers.push(timer);
    }
    this.options.signal?.addEventListener('abort', this.onAbort);
    if (this.options.signal?.aborted === true) this.onAbort();
    else this.dispatch();
  }

  private tasksLeft(): boolean {
    return this.retries.length > 0 || this.nextStream < this.end;
  }

  /** The next task to send: a retry first, else a new one made now (a plan may have 2^37 streams). */
  private takeTask(): Task | undefined {
    const retry = this.retries.shift();
    if (retry !== undefined || this.nextStream >= this.end) return retry;
    const task: Task = { id: 0, first: this.nextStream, count: Math.min(this.size, this.end - this.nextStream), attempts: 0 };
    this.nextStream += task.count;
    this.pending.push(task);
    return task;
  }

  /** Fills every worker up to IN_FLIGHT_PER_WORKER tasks while counting; settles when nothing is left. */
  dispatch(): void {
    if (this.settled) return;
    if (this.state === 'counting') {
      for (const slot of this.pool.slots.slice(0, this.threads)) {
        while (slot.inFlight.size < IN_FLIGHT_PER_WORKER && this.tasksLeft()) this.pool.send(slot, this.takeTask()!, this.options);
      }
    }
    const busy = this.pool.slots.some((slot) => slot.inFlight.size > 0);
    if (!busy && (this.state === 'draining' || !this.tasksLeft())) this.finish();
  }

  /** counting → draining: tasks in flight may still finish within the grace period; nothing new is sent. */
  private readonly onAbort = (): void => {
    if (this.state !== 'counting') return;
    this.state = 'draining';
    this.tally.aborted = true;
    const grace = setTimeout(() => {
      // Workers still busy are stopped; their tasks' streams are left out whole.
      this.pool.stopBusy();
      this.finish();
    }, ABORT_GRACE_MS);
    this.timers.push(grace);
    this.dispatch();
  };

  /** A task's counts arrived: the prefix of counted tasks grows into the tally (progress and checkpoints see only it). */
  counted(task: Task, counts: Float64Array, kernel: string): void {
    task.counts = counts;
    this.kernel = kernel;
    while (this.pending[0]?.counts !== undefined) {
      const done = this.pending.shift()!;
      this.tally.addStreams(done.first, done.counts!);
    }
    this.dispatch();
  }

  /** A worker died or hung with these tasks: retried once on a fresh worker, else the run fails. */
  lost(tasks: readonly Task[], error: Error): void {
    if (this.settled) return;
    const hopeless = tasks.find((task) => task.attempts >= MAX_ATTEMPTS);
    if (hopeless !== undefined) {
      this.fail(
        new PiError(
          'WORKER_FAILED',
          `workers: a worker failed twice counting streams ${hopeless.first}…${hopeless.first + hopeless.count - 1} (${error.message})`,
          { cause: error },
        ),
      );
      return;
    }
    this.retries.unshift(...tasks);
    if (this.state === 'draining') {
      this.dispatch();
      return;
    }
    this.pool.fill(this.threads).then(
      () => this.dispatch(),
      (spawnError: unknown) =>
        this.fail(new PiError('WORKER_FAILED', `workers: could not replace a dead worker: ${String(spawnError)}`, { cause: spawnError })),
    );
  }

  /** → done: the result of the prefix counted. */
  private finish(): void {
    if (this.settled) return;
    this.state = 'done';
    this.cleanup();
    try {
      this.resolve(this.tally.result({ backend: 'workers', reproducible: true, details: { threads: this.threads, kernel: this.kernel } }));
    } catch (error) {
      this.reject(error); // the last progress report threw
    }
  }

  /** → failed: rejects with `error`; the pool drops its workers (their replies can no longer be told apart). */
  fail(error: unknown): void {
    if (this.settled) return;
    this.state = 'failed';
    this.cleanup();
    this.pool.stopAll();
    this.reject(error);
  }

  private cleanup(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.pool.runEnded(this);
  }
}

/**
 * A pool of worker threads, kept warm between runs and closed by `dispose()`. A run hands out contiguous
 * tasks of streams, two per worker at a time, and adds up each stream's count, so the result is `loop`'s
 * exactly whatever the number of workers or the order in which tasks finish.
 *
 * The pool's states: `open` (no run), `running` (one run; others queue behind it), `closed` (disposed:
 * the run in progress and queued ones reject with ABORTED).
 */
class WorkerPool {
  state: 'open' | 'running' | 'closed' = 'open';
  readonly slots: Slot[] = [];
  private spawner: Promise<{ spawn: SpawnWorker; parallelism: number }> | undefined;
  private nextTaskId = 1;
  private current: PoolRun | undefined;
  private crashesLeft: number;
  private hangsLeft: number;
  /** Runs wait for the one before: the pool routes every reply to a single run in progress. */
  private previousRun: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly threadsOption: number | undefined,
    readonly watchdogMs: number,
    private readonly hooks: Pick<WorkersOptions, 'crashOnStream' | 'hangOnStream'>,
  ) {
    this.crashesLeft = hooks.crashOnStream?.times ?? 0;
    this.hangsLeft = hooks.hangOnStream?.times ?? 0;
  }

  /** Threads this pool runs: the option, or the platform's parallelism. */
  async threads(): Promise<number> {
    return this.threadsOption ?? (await this.platform()).parallelism;
  }

  private platform(): Promise<{ spawn: SpawnWorker; parallelism: number }> {
    this.spawner ??= platformSpawner().catch((error: unknown) => {
      this.spawner = undefined;
      throw new PiError('BACKEND_UNAVAILABLE', `workers: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    });
    return this.spawner;
  }

  /** Starts workers until there are `threads`. */
  async fill(threads: number): Promise<void> {
    const { spawn } = await this.platform();
    while (this.slots.length < threads && this.state !== 'closed') {
      // `slot` is assigned before any event can arrive (events come from the event loop).
      let slot: Slot | undefined;
      const handle = spawn({
        message: (reply) => {
          if (slot !== undefined) this.onReply(slot, reply);
        },
        failed: (error) => {
          if (slot !== undefined) this.onDeath(slot, error);
        },
      });
      slot = { handle, inFlight: new Set(), lastHeard: performance.now() };
      this.slots.push(slot);
    }
  }

  /** Sends a task to a worker (idle → busy). */
  send(slot: Slot, task: Task, options: ResolvedEstimateOptions): void {
    const { generator, seed, plan } = options;
    const message: CountTask = { type: 'count', id: this.nextTaskId++, generator, seed, plan, first: task.first, count: task.count };
    task.id = message.id;
    task.attempts += 1;
    const holds = (hook: WorkersOptions['crashOnStream']) =>
      hook !== undefined && hook.stream >= task.first && hook.stream < task.first + task.count;
    let fault: { crash?: true; hang?: true } = {};
    if (this.crashesLeft > 0 && holds(this.hooks.crashOnStream)) {
      this.crashesLeft -= 1;
      fault = { crash: true };
    } else if (this.hangsLeft > 0 && holds(this.hooks.hangOnStream)) {
      this.hangsLeft -= 1;
      fault = { hang: true };
    }
    if (slot.inFlight.size === 0) slot.lastHeard = performance.now();
    slot.inFlight.add(task);
    slot.handle.setBusy(true);
    slot.handle.post({ ...message, ...fault });
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    slot.lastHeard = performance.now();
    const task = [...slot.inFlight].find((t) => t.id === reply.id);
    if (task === undefined) return;
    slot.inFlight.delete(task);
    if (slot.inFlight.size === 0) slot.handle.setBusy(false);
    const run = this.current;
    if (run === undefined) return;
    if (reply.type === 'failed') {
      run.fail(
        new PiError(
          'WORKER_FAILED',
          `workers: a worker failed counting streams ${task.first}…${task.first + task.count - 1}: ${reply.message}`,
        ),
      );
      return;
    }
    run.counted(task, reply.counts, reply.kernel);
  }

  /** A worker died (or was stopped as hung): busy → dead; it leaves the pool, its tasks go back to the run. */
  private onDeath(slot: Slot, error: Error): void {
    this.remove(slot);
    const lost = [...slot.inFlight];
    slot.inFlight.clear();
    this.current?.lost(lost, error);
  }

  /** The watchdog: a busy worker silent for longer than `watchdogMs` is stopped and counted as dead. */
  checkSilence(): void {
    const now = performance.now();
    for (const slot of [...this.slots]) {
      if (slot.inFlight.size > 0 && now - slot.lastHeard > this.watchdogMs) {
        slot.handle.terminate();
        this.onDeath(
          slot,
          new Error(
            `worker silent for ${((now - slot.lastHeard) / 1000).toFixed(1)} s, longer than the watchdog's ${this.watchdogMs / 1000} s`,
          ),
        );
      }
    }
  }

  private remove(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
  }

  /** Stops the workers that still have tasks (after an abort's grace period). */
  stopBusy(): void {
    for (const slot of [...this.slots]) {
      if (slot.inFlight.size > 0) {
        slot.handle.terminate();
        this.remove(slot);
      }
    }
  }

  /** Stops every worker; the next run starts fresh ones. */
  stopAll(): void {
    for (const slot of this.slots.splice(0)) slot.handle.terminate();
  }

  /** running → open. */
  runEnded(run: PoolRun): void {
    if (this.current === run) this.current = undefined;
    if (this.state === 'running') this.state = 'open';
    for (const slot of this.slots) slot.handle.setBusy(slot.inFlight.size > 0);
  }

  run(options: ResolvedEstimateOptions): Promise<PiResult> {
    const next = this.previousRun.then(() => this.runNow(options));
    this.previousRun = next.catch(() => undefined);
    return next;
  }

  private async runNow(options: ResolvedEstimateOptions): Promise<PiResult> {
    if (this.state === 'closed') throw disposedError();
    const run = new PoolRun(this, options, await this.threads());
    this.current = run;
    this.state = 'running';
    try {
      await this.fill(run.threads);
    } catch (error) {
      run.fail(error);
      return run.promise;
    }
    // dispose() may have come while the workers started.
    if ((this.state as WorkerPool['state']) === 'closed') run.fail(disposedError());
    else run.start();
    return run.promise;
  }

  /** open | running → closed: stops every worker; a run in progress rejects with ABORTED. */
  close(): void {
    this.state = 'closed';
    this.current?.fail(disposedError());
    this.stopAll();
  }
}

function disposedError(): PiError {
  return new PiError('ABORTED', 'workers: the estimator was disposed while a run was in progress');
}

/**
 * Creates a `workers` estimator: a pool of worker threads (worker_threads in Node, Web Workers in
 * browsers), each counting whole streams with the SIMD kernels. Results equal `loop`'s exactly for any
 * thread count. The pool starts on the first run, stays warm between runs, and is closed by `dispose()`;
 * in Node, idle workers do not keep the process alive. Groups plans give the lecture's
 * `evaluate_pi_mt(N, I)`.
 *
 * @example
 * ```ts
 * import { resolveEstimateOptions } from '@pi/core';
 * import { createWorkersEstimator } from '@pi/cpu';
 *
 * const pool = createWorkersEstimator({ threads: 4 });
 * const first = await pool.run(resolveEstimateOptions({ samples: 1e9, seed: 1 }));
 * const second = await pool.run(resolveEstimateOptions({ samples: 1e9, seed: 2 })); // warm
 * await pool.dispose?.();
 * ```
 */
export function createWorkersEstimator(options: WorkersOptions = {}): Estimator & { threads(): Promise<number>; dispose(): Promise<void> } {
  checkOptionKeys(options, WORKERS_OPTION_KEYS);
  const threads = options.threads === undefined ? undefined : checkThreads(options.threads);
  const watchdogMs = options.watchdogMs ?? WATCHDOG_MS;
  if (typeof watchdogMs !== 'number' || !(watchdogMs >= 10))
    throw invalidArgument('watchdogMs', watchdogMs, 'a number of milliseconds, at least 10');
  let pool: WorkerPool | undefined;
  const current = () => (pool ??= new WorkerPool(threads, watchdogMs, options));
  return {
    name: 'workers',
    reproducible: true,
    run: (resolved) => current().run(resolved),
    threads: () => current().threads(),
    dispose: async () => {
      pool?.close();
      pool = undefined;
    },
  };
}

/** The `workers` estimator with one thread per available core. */
export const workers = createWorkersEstimator();

/**
 * Estimates π with a `workers` pool (default: one thread per core), started for this call and closed
 * after it; options are validated here. To keep a pool warm between runs, use `createWorkersEstimator`.
 *
 * @example
 * ```ts
 * import { estimateWorkers } from '@pi/cpu';
 *
 * // The lecture's evaluate_pi_mt(50_000, 10_000), on two threads.
 * const groups = { pointsPerGroup: 50_000, groups: 10_000 };
 * const result = await estimateWorkers({ groups, seed: 1, threads: 2 });
 * ```
 */
export async function estimateWorkers(options: EstimateOptions & WorkersOptions = {}): Promise<PiResult> {
  const { threads, watchdogMs, crashOnStream, hangOnStream, ...rest } = options;
  const resolved = resolveEstimateOptions(rest);
  const poolOptions = Object.fromEntries(
    Object.entries({ threads, watchdogMs, crashOnStream, hangOnStream }).filter(([, v]) => v !== undefined),
  );
  const estimator = Object.keys(poolOptions).length === 0 ? workers : createWorkersEstimator(poolOptions as WorkersOptions);
  try {
    return await estimator.run(resolved);
  } finally {
    if (estimator !== workers) await estimator.dispose?.();
  }
}
