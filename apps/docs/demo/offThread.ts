import { PiError, type Estimator, type PiErrorCode, type PiResult, type Progress, type ResolvedEstimateOptions } from '@pi/core';

/** Options as they cross to the worker: everything but the signal and the callback. */
export type PortableOptions = Omit<ResolvedEstimateOptions, 'signal' | 'onProgress'>;

/** Page → worker. */
export type WorkerRequest =
  | { readonly type: 'run'; readonly id: number; readonly backend: string; readonly options: PortableOptions }
  | { readonly type: 'abort'; readonly id: number };

/** Worker → page. */
export type WorkerReply =
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { readonly type: 'result'; readonly id: number; readonly result: PiResult }
  | { readonly type: 'error'; readonly id: number; readonly code: PiErrorCode; readonly message: string };

let worker: Worker | undefined;
let nextId = 1;

function demoWorker(): Worker {
  // One worker for the page's single-thread runs, started on first use and kept (a start costs ~50 ms).
  worker ??= new Worker(new URL('./cpuWorker.ts', import.meta.url), { type: 'module', name: 'pi-demo-cpu' });
  return worker;
}

/**
 * An @pi/cpu backend that would occupy the page's thread (`naive`, `loop`, `simd`), run in a dedicated
 * worker so the page stays responsive however long the count. Same options, same result, same count as on the main thread.
 */
export function offThreadEstimator(backend: string, reproducible: boolean): Estimator {
  return {
    name: backend,
    reproducible,
    run(options) {
      const w = demoWorker();
      const id = nextId++;
      const { signal, onProgress, ...portable } = options;
      return new Promise<PiResult>((resolve, reject) => {
        const onAbort = () => w.postMessage({ type: 'abort', id } satisfies WorkerRequest);
        const onMessage = (event: MessageEvent<WorkerReply>) => {
          const message = event.data;
          if (message.id !== id) return;
          if (message.type === 'progress') {
            onProgress?.(message.progress);
            return;
          }
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
          signal?.removeEventListener('abort', onAbort);
          if (message.type === 'result') resolve(message.result);
          else reject(new PiError(message.code, message.message));
        };
        const onError = (event: ErrorEvent) => {
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
          worker = undefined;
          reject(new PiError('WORKER_FAILED', `the demo worker failed: ${event.message}`));
        };
        w.addEventListener('message', onMessage);
        w.addEventListener('error', onError);
        signal?.addEventListener('abort', onAbort, { once: true });
        w.postMessage({ type: 'run', id, backend, options: portable } satisfies WorkerRequest);
        if (signal?.aborted === true) onAbort();
      });
    },
  };
}
