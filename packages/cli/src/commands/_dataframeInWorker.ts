import { Worker } from 'node:worker_threads';
import { PiError, type PiErrorCode, type PiResult } from '@pi/core';
import type { DataframePhase, DataframeReply, DataframeTask } from '../dataframeWorker.js';

/** What a vectorized fill in the worker gives back, or `undefined` when the run was stopped first. */
export type VectorizedOutcome = { readonly result: PiResult; readonly rowsFilled: number; readonly csvText?: string } | undefined;

/**
 * The worker script. Built, the commands are chunks in dist/ beside dataframeWorker.js; run from source
 * (the package's tests under vitest), the script is the built one in ../../dist (`pnpm --filter @pi/cli build`).
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return /\.ts$/.test(here) ? new URL('../../dist/dataframeWorker.js', here) : new URL('./dataframeWorker.js', here);
}

/** An error from the worker as the main thread would have thrown it: a PiError, or Node's error with its code. */
function revive(reply: Extract<DataframeReply, { kind: 'failed' }>): Error {
  if (reply.name === 'PiError' && reply.code !== undefined) return new PiError(reply.code as PiErrorCode, reply.message);
  return Object.assign(new Error(reply.message), reply.code === undefined ? {} : { code: reply.code });
}

/**
 * Runs `fillDataFrame2`, `estimatePi` and (when asked) `frameCsv` in a worker thread, so the main thread
 * keeps answering signals while danfo builds the frame. When `signal` aborts, the worker is terminated
 * (that interrupts running JavaScript) and the promise resolves with `undefined` at once. `onPhase` hears
 * what the worker is doing.
 */
export function vectorizedInWorker(
  task: DataframeTask,
  signal: AbortSignal,
  onPhase: (phase: DataframePhase) => void = () => {},
): Promise<VectorizedOutcome> {
  if (signal.aborted) return Promise.resolve(undefined);
  // The worker inherits the process's Node and V8 flags. `--input-type` (from `node -e`) makes a worker
  // started from a file fail, so then the flags are passed without it (V8 flags cannot be passed that way).
  const inherited = process.execArgv;
  const worker = inherited.some((flag) => flag.startsWith('--input-type'))
    ? new Worker(workerUrl(), { execArgv: inherited.filter((flag) => !flag.startsWith('--input-type')) })
    : new Worker(workerUrl());
  return new Promise<VectorizedOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      finish();
    };
    const onAbort = () => settle(() => resolve(undefined));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: DataframeReply) => {
      if (reply.kind === 'phase') {
        if (!settled) onPhase(reply.phase);
        return;
      }
      settle(() =>
        reply.kind === 'done'
          ? resolve({
              result: reply.result,
              rowsFilled: reply.rowsFilled,
              ...(reply.csvText === undefined ? {} : { csvText: reply.csvText }),
            })
          : reject(revive(reply)),
      );
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the DataFrame worker thread exited with code ${code} before it answered`))));
    worker.postMessage(task);
  });
}
