/// <reference lib="webworker" />
/**
 * A dedicated worker that runs one of @pi/cpu's registered backends that would otherwise occupy the page's
 * thread, so a long count never blocks the page. Messages in: `{ type: 'run', id, backend, options }` and
 * `{ type: 'abort', id }`. Messages out: `progress`, then `result` or `error` for that id.
 */
import { cpuBackends } from '@pi/cpu';
import { PiError, type Estimator, type ResolvedEstimateOptions } from '@pi/core';
import type { WorkerReply, WorkerRequest } from './offThread.ts';

declare const self: DedicatedWorkerGlobalScope;

const running = new Map<number, AbortController>();

async function estimatorNamed(name: string): Promise<Estimator> {
  const descriptor = cpuBackends.find((d) => d.id === name);
  if (descriptor === undefined) throw new PiError('BACKEND_UNAVAILABLE', `${name}: @pi/cpu registers no such backend in this build`);
  return descriptor.create();
}

const reply = (message: WorkerReply) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'abort') {
    running.get(message.id)?.abort();
    return;
  }
  const { id, backend, options } = message;
  const controller = new AbortController();
  running.set(id, controller);
  void (async () => {
    try {
      const estimator = await estimatorNamed(backend);
      const resolved: ResolvedEstimateOptions = {
        ...options,
        signal: controller.signal,
        onProgress: (progress) => reply({ type: 'progress', id, progress }),
      };
      reply({ type: 'result', id, result: await estimator.run(resolved) });
    } catch (error) {
      const code = error instanceof PiError ? error.code : 'RUNTIME_FAILURE';
      reply({ type: 'error', id, code, message: error instanceof Error ? error.message : String(error) });
    } finally {
      running.delete(id);
    }
  })();
});
