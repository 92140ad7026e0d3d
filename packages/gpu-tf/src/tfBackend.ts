import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PiError } from '@pi/core';
import type * as TfCore from '@tensorflow/tfjs-core';
import { openNodeGpu, type OpenNodeGpuOptions } from './_dawn.js';
import type { GpuAdapterSummary } from './adapterInfo.js';

/** The tfjs backends the `tensors` method runs on. */
export type TfBackendName = 'webgpu' | 'tensorflow' | 'cpu';

/** Every TfBackendName, for option checks and help. */
export const TF_BACKENDS: readonly TfBackendName[] = ['webgpu', 'tensorflow', 'cpu'];

/** A tfjs backend made current. */
export interface TfSession {
  readonly tf: typeof TfCore;
  readonly backend: TfBackendName;
  /** The WebGPU adapter, for `webgpu`. */
  readonly adapter?: GpuAdapterSummary;
  /** The WebGPU device tfjs runs on, for `webgpu` (the kernel can share it). */
  readonly device?: GPUDevice;
  /** Which package provided `tensorflow`. */
  readonly provider?: string;
}

/** What `tensorflow` needs, said whenever it is missing. */
export const TENSORFLOW_HELP =
  'tfjs --tf-backend tensorflow needs @tensorflow/tfjs-node-gpu (CUDA 11.2 + cuDNN 8.1, NVIDIA GPUs) or ' +
  '@tensorflow/tfjs-node (CPU) installed beside @pi/gpu-tf; both download libtensorflow when they install, ' +
  'from outside the npm registry';

/** Imports a package from @pi/gpu-tf's own resolution, else from the current directory's (an app's optional peer). */
async function importOptional(name: string): Promise<unknown> {
  try {
    return await import(name);
  } catch {
    const resolved = createRequire(join(process.cwd(), 'noop.js')).resolve(name);
    return import(pathToFileURL(resolved).href);
  }
}

/**
 * Makes a tfjs backend current, loading only what it needs. `webgpu` in Node registers
 * `new WebGPUBackend(device)` on Dawn's device itself, because tfjs-backend-webgpu registers only where
 * `navigator.gpu` exists when it loads. `tensorflow` tries tfjs-node-gpu, then tfjs-node, and checks that
 * a `tensorflow` backend really registered (an install that swapped in plain tfjs does not count).
 */
export async function useTfBackend(backend: TfBackendName, options: OpenNodeGpuOptions = {}): Promise<TfSession> {
  const tf = await import('@tensorflow/tfjs-core');
  if (backend === 'cpu') {
    await import('@tensorflow/tfjs-backend-cpu');
    // The cpu backend prints a banner recommending tfjs-node on its first tensor in Node; PROD mode
    // silences it. One throwaway tensor under PROD, then the flag is put back as it was.
    const prod = tf.env().getBool('PROD');
    tf.env().set('PROD', true);
    try {
      await tf.setBackend('cpu');
      tf.scalar(0).dispose();
    } finally {
      tf.env().set('PROD', prod);
    }
    return { tf, backend };
  }
  if (backend === 'webgpu') {
    const gpu = await openNodeGpu(options);
    const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
    const name = 'webgpu';
    // WebGPUBackend's constructor checks `navigator.gpu`, which Node lacks: give it Dawn's instance. This
    // is the one global this package sets, and only when asked for tfjs on webgpu in a host without one.
    const host = globalThis as { navigator?: { gpu?: unknown } };
    if (host.navigator === undefined) Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true, writable: true });
    if (host.navigator!.gpu === undefined) Object.defineProperty(host.navigator, 'gpu', { value: gpu.gpu, configurable: true });
    if (tf.findBackendFactory(name) === null || tf.findBackendFactory(name) === undefined) {
      tf.registerBackend(name, () => new WebGPUBackend(gpu.device, gpu.adapter.info), 3);
    }
    if (!(await tf.setBackend(name))) {
      throw new PiError('BACKEND_UNAVAILABLE', `tfjs: the webgpu backend did not initialize on ${gpu.summary.name}`);
    }
    return { tf, backend, adapter: gpu.summary, device: gpu.device };
  }
  for (const provider of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await importOptional(provider);
    } catch {
      continue;
    }
    if (tf.findBackendFactory('tensorflow') && (await tf.setBackend('tensorflow'))) return { tf, backend, provider };
  }
  throw new PiError('BACKEND_UNAVAILABLE', `${TENSORFLOW_HELP}. Neither is installed here.`);
}

/** Which tfjs backends can load here, without keeping any: for `pi info`. */
export async function probeTfBackends(): Promise<Array<{ name: TfBackendName; available: boolean; detail: string }>> {
  const out: Array<{ name: TfBackendName; available: boolean; detail: string }> = [
    { name: 'cpu', available: true, detail: 'plain tfjs (@tensorflow/tfjs-backend-cpu)' },
  ];
  try {
    const gpu = await openNodeGpu();
    out.unshift({ name: 'webgpu', available: true, detail: `tfjs-backend-webgpu on ${gpu.summary.name}` });
  } catch (e) {
    out.unshift({ name: 'webgpu', available: false, detail: (e as Error).message });
  }
  let provider: string | undefined;
  for (const p of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      createRequire(join(process.cwd(), 'noop.js')).resolve(p);
      provider = p;
      break;
    } catch {
      try {
        createRequire(import.meta.url).resolve(p);
        provider = p;
        break;
      } catch {}
    }
  }
  out.splice(1, 0, {
    name: 'tensorflow',
    available: provider !== undefined,
    detail: provider !== undefined ? `${provider} is installed (not loaded by this probe)` : `not installed: ${TENSORFLOW_HELP}`,
  });
  return out;
}
