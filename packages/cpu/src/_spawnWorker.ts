import type { CountTask, WorkerReply } from './_workerProtocol.js';

/** What the pool hears from one worker. */
export interface WorkerEvents {
  /** A reply to a task. */
  message(reply: WorkerReply): void;
  /** The worker died (uncaught error, exit, killed): its tasks in flight are lost. */
  failed(error: Error): void;
}

/** One worker, whatever the platform. */
export interface WorkerHandle {
  post(task: CountTask): void;
  /** Stops the worker; no `failed` event follows. */
  terminate(): void;
  /** Node: a busy worker keeps the process alive, an idle one does not (so scripts exit when done). */
  setBusy(busy: boolean): void;
}

/** Starts a worker running dist/workerMain.js. */
export type SpawnWorker = (events: WorkerEvents) => WorkerHandle;

type NodeWorkerThreads = typeof import('node:worker_threads');
type NodeOs = typeof import('node:os');

/** Node's process, if this is Node (also inside a worker thread), without naming Node modules to bundlers. */
function nodeProcess(): NodeJS.Process | undefined {
  const candidate = (globalThis as { process?: NodeJS.Process }).process;
  return candidate?.versions?.node !== undefined ? candidate : undefined;
}

/** Loads a Node built-in without a static import, so browser bundles never see one. */
async function nodeBuiltin<T>(name: string): Promise<T> {
  const builtin = nodeProcess()?.getBuiltinModule?.(name) as T | undefined;
  return builtin ?? ((await import(/* webpackIgnore: true */ /* @vite-ignore */ name)) as T);
}

/**
 * The worker script's URL. Built, this module sits in dist/ beside workerMain.js. Run from source (the
 * package's own tests under vitest), the script is the built one in ../dist (`pnpm --filter @pi/cpu build`).
 */
function nodeWorkerUrl(): URL {
  const here = import.meta.url;
  return /\.ts$/.test(here) ? new URL('../dist/workerMain.js', here) : new URL('./workerMain.js', here);
}

async function nodeSpawner(): Promise<{ spawn: SpawnWorker; parallelism: number }> {
  const { Worker } = await nodeBuiltin<NodeWorkerThreads>('node:worker_threads');
  const os = await nodeBuiltin<NodeOs>('node:os');
  const url = nodeWorkerUrl();
  const process = nodeProcess()!;
  const spawn: SpawnWorker = (events) => {
    // Workers inherit the process's Node flags; `--input-type` (from `node -e`/`--eval`) makes a worker
    // started from a file fail, so it is left out.
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
    const worker = new Worker(url, { execArgv });
    let closing = false;
    worker.on('message', (reply: WorkerReply) => events.message(reply));
    // An uncaught error is followed by an exit: report whichever comes first, once.
    worker.on('error', (error) => {
      if (!closing) events.failed(error);
      closing = true;
    });
    worker.on('exit', (code) => {
      if (!closing) events.failed(new Error(`worker thread exited with code ${code}`));
      closing = true;
    });
    worker.unref();
    return {
      post: (task) => worker.postMessage(task),
      terminate: () => {
        closing = true;
        void worker.terminate();
      },
      setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
    };
  };
  return { spawn, parallelism: os.availableParallelism?.() ?? os.cpus().length };
}

/**
 * Web Workers. `new Worker(new URL('./workerMain.js', import.meta.url), { type: 'module' })` is written
 * out literally because that is the form bundlers (Vite, webpack 5, Rollup plugins, esbuild plugins,
 * Parcel) recognize to emit the worker as its own chunk.
 */
/** The parts of the DOM's Worker used here (this package compiles without the DOM library). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault(): void }) => void): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
}
declare const Worker: new (url: URL, options: { type: 'module' }) => WebWorker;

function browserSpawner(): { spawn: SpawnWorker; parallelism: number } {
  const spawn: SpawnWorker = (events) => {
    const worker = new Worker(new URL('./workerMain.js', import.meta.url), { type: 'module' });
    let closing = false;
    worker.addEventListener('message', (event) => events.message(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (!closing) events.failed(new Error(event.message ?? 'worker error'));
      closing = true;
      worker.terminate();
    });
    worker.addEventListener('messageerror', () => {
      if (!closing) events.failed(new Error('worker message could not be read'));
    });
    return {
      post: (task) => worker.postMessage(task),
      terminate: () => {
        closing = true;
        worker.terminate();
      },
      setBusy: () => {},
    };
  };
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return { spawn, parallelism: cores ?? 4 };
}

/** This platform's way to start workers and how many it can run side by side. */
export async function platformSpawner(): Promise<{ spawn: SpawnWorker; parallelism: number }> {
  if (nodeProcess() !== undefined) return nodeSpawner();
  if (typeof Worker === 'function') return browserSpawner();
  throw new Error('no worker threads here: neither Node worker_threads nor Web Workers');
}
