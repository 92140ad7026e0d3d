import {
  invalidArgument,
  PiError,
  rangePoints,
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
  /** Worker threads, an integer in [1, 1024]; the available parallelism by default. */
  readonly threads?: number;
  /**
   * Test hook, not for use: the task holding stream `stream` makes its worker die, the first `times`
   * times it is sent (1: the retry succeeds; 2 or more: the run fails with WORKER_FAILED).
   */
  readonly crashOnStream?: { readonly stream: number; readonly times: number };
}

/** Points per task: about 10–20 ms of one core, so progress is fine-grained and an abort waits little. */
const TASK_POINTS: Record<GeneratorName, number> = { xoshiro128p: 1 << 24, numba: 1 << 23 };
/** Tasks queued per worker: the next one is already there when one finishes. */
const IN_FLIGHT_PER_WORKER = 2;
/** After an abort, how long tasks in flight may finish (they count); workers still busy then are stopped. */
const ABORT_GRACE_MS = 100;
/** Attempts per task: a task whose worker dies is sent once more, to a fresh worker. */
const MAX_ATTEMPTS = 2;

interface Task {
  /** Id of the latest message that sent it. */
  id: number;
  readonly first: number;
  readonly count: number;
  attempts: number;
  counts?: Float64Array;
}

interface Slot {
  readonly handle: WorkerHandle;
  readonly inFlight: Set<Task>;
}

/** Checks `threads`: an integer in [1, 1024]. */
function checkThreads(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1024) {
    throw invalidArgument('threads', value, 'an integer in [1, 1024]');
  }
  return value;
}

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
 * A pool of worker threads, kept warm between runs and closed by `dispose()`. A run hands out contiguous
 * tasks of streams, two per worker at a time, and adds up each stream's count, so the result is `loop`'s
 * exactly whatever the number of workers or the order in which tasks finish.
 */
class WorkerPool {
  private readonly slots: Slot[] = [];
  private spawner: Promise<{ spawn: SpawnWorker; parallelism: number }> | undefined;
  private nextTaskId = 1;
  /** Routes replies and deaths to the run in progress. */
  private onReply: ((slot: Slot, reply: WorkerReply) => void) | undefined;
  private onDeath: ((slot: Slot, error: Error) => void) | undefined;
  private crashesLeft: number;

  constructor(
    private readonly threadsOption: number | undefined,
    private readonly crashOnStream: WorkersOptions['crashOnStream'],
  ) {
    this.crashesLeft = crashOnStream?.times ?? 0;
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

  private async fill(threads: number): Promise<void> {
    const { spawn } = await this.platform();
    while (this.slots.length < threads) {
      const inFlight = new Set<Task>();
      // `slot` is assigned before any event can arrive (events come from the event loop).
      let slot: Slot | undefined;
      const handle = spawn({
        message: (reply) => {
          if (slot !== undefined) this.onReply?.(slot, reply);
        },
        failed: (error) => {
          if (slot === undefined) return;
          this.remove(slot);
          this.onDeath?.(slot, error);
        },
      });
      slot = { handle, inFlight };
      this.slots.push(slot);
    }
  }

  private remove(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
  }

  /** Runs wait for the one before: the pool routes every reply to a single run in progress. */
  private previousRun: Promise<unknown> = Promise.resolve();

  run(options: ResolvedEstimateOptions): Promise<PiResult> {
    const next = this.previousRun.then(() => this.runNow(options));
    this.previousRun = next.catch(() => undefined);
    return next;
  }

  private async runNow(options: ResolvedEstimateOptions): Promise<PiResult> {
    const { plan, generator, seed, signal } = options;
    const threads = await this.threads();
    const tally = new RunTally(options);
    await this.fill(threads);
    const { firstStream, streams } = tally;
    // Tasks are made as they are handed out (a plan may have 2^37 streams); `tasks` keeps those made, in
    // stream order, and `retries` those whose worker died.
    const size = taskStreams(options, firstStream, streams, threads);
    const end = firstStream + streams;
    let nextStream = firstStream;
    const tasks: Task[] = [];
    const retries: Task[] = [];
    const takeTask = (): Task | undefined => {
      const retry = retries.shift();
      if (retry !== undefined || nextStream >= end) return retry;
      const task: Task = { id: 0, first: nextStream, count: Math.min(size, end - nextStream), attempts: 0 };
      nextStream += task.count;
      tasks.push(task);
      return task;
    };
    const tasksLeft = () => retries.length > 0 || nextStream < end;
    let kernel = 'wasm-simd128';

    return new Promise<PiResult>((resolve, reject) => {
      let settled = false;
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      const progressTimer = setInterval(() => tally.report(), PROGRESS_MS);
      (progressTimer as { unref?: () => void }).unref?.();

      const cleanup = () => {
        settled = true;
        clearInterval(progressTimer);
        if (graceTimer !== undefined) clearTimeout(graceTimer);
        signal?.removeEventListener('abort', onAbort);
        this.onReply = undefined;
        this.onDeath = undefined;
        for (const slot of this.slots) slot.handle.setBusy(slot.inFlight.size > 0);
      };

      const finish = () => {
        if (settled) return;
        cleanup();
        // The result covers the longest run of completed tasks from the first: an aborted result is then
        // exactly the result of a smaller plan (the first streams), and the few tasks done past a gap are
        // dropped whole. A completed run's prefix is every task.
        tally.reset();
        for (const task of tasks) {
          if (task.counts === undefined) break;
          tally.addStreams(task.first, task.counts);
        }
        resolve(tally.result({ backend: 'workers', reproducible: true, details: { threads, kernel } }));
      };

      const fail = (error: PiError) => {
        if (settled) return;
        cleanup();
        // Tasks of this run may still be in flight: a fresh pool is simpler than telling their replies apart.
        this.close();
        reject(error);
      };

      const busy = () => this.slots.some((slot) => slot.inFlight.size > 0);

      const dispatch = () => {
        if (settled) return;
        if (!tally.aborted) {
          for (const slot of this.slots) {
            while (slot.inFlight.size < IN_FLIGHT_PER_WORKER && tasksLeft()) {
              const task = takeTask()!;
              const message: CountTask = { type: 'count', id: this.nextTaskId++, generator, seed, plan, first: task.first, count: task.count };
              task.id = message.id;
              task.attempts += 1;
              const crash = this.crashOnStream;
              const hit = crash !== undefined && this.crashesLeft > 0 && crash.stream >= task.first && crash.stream < task.first + task.count;
              if (hit) this.crashesLeft -= 1;
              slot.inFlight.add(task);
              slot.handle.setBusy(true);
              slot.handle.post(hit ? { ...message, crash: true } : message);
            }
          }
        }
        if ((tally.aborted || !tasksLeft()) && !busy()) finish();
      };

      const onAbort = () => {
        if (tally.aborted || settled) return;
        tally.aborted = true;
        // Complete blocks only: tasks in flight may finish within the grace period and count; workers
        // still busy after it are stopped, and their tasks' streams are left out whole.
        graceTimer = setTimeout(() => {
          for (const slot of [...this.slots]) {
            if (slot.inFlight.size > 0) {
              slot.handle.terminate();
              this.remove(slot);
            }
          }
          finish();
        }, ABORT_GRACE_MS);
        dispatch();
      };

      this.onReply = (slot, reply) => {
        const task = [...slot.inFlight].find((t) => t.id === reply.id);
        if (task === undefined) return;
        slot.inFlight.delete(task);
        if (slot.inFlight.size === 0) slot.handle.setBusy(false);
        if (reply.type === 'failed') {
          fail(new PiError('WORKER_FAILED', `workers: a worker failed counting streams ${task.first}…${task.first + task.count - 1}: ${reply.message}`));
          return;
        }
        task.counts = reply.counts;
        kernel = reply.kernel;
        // Progress counts every task done; the result keeps only the unbroken prefix (see finish).
        tally.inside += reply.counts.reduce((a, b) => a + b, 0);
        tally.samplesDone += rangePoints(plan, task.first, task.count);
        dispatch();
      };

      this.onDeath = (slot, error) => {
        const lost = [...slot.inFlight];
        slot.inFlight.clear();
        const hopeless = lost.find((task) => task.attempts >= MAX_ATTEMPTS);
        if (hopeless !== undefined) {
          fail(
            new PiError(
              'WORKER_FAILED',
              `workers: a worker died twice counting streams ${hopeless.first}…${hopeless.first + hopeless.count - 1} (${error.message})`,
              { cause: error },
            ),
          );
          return;
        }
        retries.unshift(...lost);
        if (tally.aborted) {
          dispatch();
          return;
        }
        // A fresh worker takes the dead one's place and its tasks.
        this.fill(threads).then(dispatch, (spawnError: unknown) =>
          fail(new PiError('WORKER_FAILED', `workers: could not replace a dead worker: ${String(spawnError)}`, { cause: spawnError })),
        );
      };

      signal?.addEventListener('abort', onAbort);
      dispatch();
    });
  }

  /** Stops every worker. */
  close(): void {
    for (const slot of this.slots.splice(0)) slot.handle.terminate();
  }
}

/**
 * Creates a `workers` estimator: a pool of worker threads (worker_threads in Node, Web Workers in
 * browsers), each counting whole streams with the SIMD kernels. Results equal `loop`'s exactly for any
 * thread count. The pool starts on the first run, stays warm between runs, and is closed by `dispose()`;
 * in Node, idle workers do not keep the process alive. Groups plans give the seed's `evaluate_pi_mt(N, I)`.
 */
export function createWorkersEstimator(options: WorkersOptions = {}): Estimator & { threads(): Promise<number> } {
  const threads = options.threads === undefined ? undefined : checkThreads(options.threads);
  let pool: WorkerPool | undefined;
  const current = () => (pool ??= new WorkerPool(threads, options.crashOnStream));
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

/** Estimates π with a `workers` estimator (default: one thread per core); options are validated here. */
export async function estimateWorkers(options: EstimateOptions & WorkersOptions = {}): Promise<PiResult> {
  const { threads, crashOnStream, ...rest } = options;
  const resolved = resolveEstimateOptions(rest);
  const estimator =
    threads === undefined && crashOnStream === undefined
      ? workers
      : createWorkersEstimator({ ...(threads === undefined ? {} : { threads }), ...(crashOnStream === undefined ? {} : { crashOnStream }) });
  try {
    return await estimator.run(resolved);
  } finally {
    if (estimator !== workers) await estimator.dispose?.();
  }
}
