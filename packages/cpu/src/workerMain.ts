/**
 * The worker of the `workers` estimator, for Node's worker_threads and browsers' Web Workers alike: it
 * counts the streams it is sent with the SIMD kernels (the scalar ones where the runtime has no
 * WebAssembly SIMD) and posts each stream's count back. A separate build entry (dist/workerMain.js),
 * which the pool loads with `new URL('./workerMain.js', import.meta.url)`.
 */
import { StreamCursor, streamPoints } from '@pi/core';
import type { CountTask, WorkerReply } from './_workerProtocol.js';
import { SimdStreamCounter, simdSupported } from './kernels/simdKernel.js';
import { streamCounters } from './kernels/streamCounter.js';

interface Port {
  post(reply: WorkerReply, transfer: ArrayBuffer[]): void;
  listen(handler: (task: CountTask) => void): void;
  /** Ends this worker abnormally (test hook). */
  die(): void;
}

type NodeWorkerThreads = typeof import('node:worker_threads');

/**
 * Node's parentPort, or the Web Worker global scope, handed to `ready`. No top-level await: bundlers
 * build workers as classic scripts by default (Vite's `worker.format` is 'iife'), where it is not allowed.
 * In browsers the listener is attached synchronously, during the script's first run, so no task posted
 * before then is lost; in Node, parentPort holds messages until a listener is attached.
 */
function connect(ready: (port: Port) => void): void {
  const nodeProcess = (globalThis as { process?: NodeJS.Process }).process;
  if (nodeProcess?.versions?.node !== undefined) {
    const attach = ({ parentPort }: NodeWorkerThreads) => {
      if (parentPort === null) throw new Error('workerMain.js must run in a worker thread');
      ready({
        post: (reply, transfer) => parentPort.postMessage(reply, transfer as never),
        listen: (handler) => parentPort.on('message', handler),
        die: () => nodeProcess.exit(1),
      });
    };
    // Named through a variable (and bundler-ignore comments) so browser bundles never try to resolve it.
    const name = 'node:worker_threads';
    const threads = nodeProcess.getBuiltinModule?.(name) as NodeWorkerThreads | undefined;
    if (threads !== undefined) attach(threads);
    else void import(/* webpackIgnore: true */ /* @vite-ignore */ name).then((module) => attach(module as NodeWorkerThreads));
    return;
  }
  const scope = globalThis as unknown as {
    postMessage(message: unknown, transfer: ArrayBuffer[]): void;
    addEventListener(type: 'message', listener: (event: { data: CountTask }) => void): void;
  };
  ready({
    post: (reply, transfer) => scope.postMessage(reply, transfer),
    listen: (handler) => scope.addEventListener('message', (event) => handler(event.data)),
    // A Web Worker cannot exit with a code; an uncaught error reaches the page's `error` handler.
    die: () =>
      setTimeout(() => {
        throw new Error('workers: test hook crashed this worker');
      }),
  });
}

const counter: Promise<SimdStreamCounter | undefined> = simdSupported() ? SimdStreamCounter.create() : Promise.resolve(undefined);

/** Counts a task's streams; each stream's count lands at its index in the result. */
async function count(task: CountTask): Promise<{ counts: Float64Array; kernel: string }> {
  const { generator, seed, plan, first } = task;
  const counts = new Float64Array(task.count);
  const simd = await counter;
  if (simd !== undefined) {
    const run = simd.countStreams(generator, seed, plan, first, task.count, (k, inside) => {
      counts[k - first] = inside;
    });
    while (run.next().done !== true);
    return { counts, kernel: 'wasm-simd128' };
  }
  const cursor = new StreamCursor(generator, seed, first);
  const state = new Int32Array(4);
  for (let i = 0; i < task.count; i++) {
    if (i > 0) cursor.advance();
    state.set(cursor.state);
    counts[i] = streamCounters[generator](state, streamPoints(plan, first + i));
  }
  return { counts, kernel: 'scalar' };
}

connect((port) => {
  // Tasks run one after another: each awaits the previous, so a second task queued by the pool waits here.
  let previous: Promise<unknown> = Promise.resolve();
  port.listen((task) => {
    previous = previous.then(async () => {
      if (task.crash === true) {
        port.die();
        return;
      }
      if (task.hang === true) for (;;);
      try {
        const { counts, kernel } = await count(task);
        port.post({ type: 'counted', id: task.id, counts, kernel }, [counts.buffer as ArrayBuffer]);
      } catch (error) {
        port.post({ type: 'failed', id: task.id, message: error instanceof Error ? error.message : String(error) }, []);
      }
    });
  });
});
