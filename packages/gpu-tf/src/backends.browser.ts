import { PiError, type BackendAvailability, type BackendDescriptor, type Estimator } from '@pi/core';
import { TFJS_BACKEND, WEBGPU_BACKEND, tfBackendOption } from './_backendInfo.js';
import { summarizeAdapter } from './adapterInfo.js';
import { createPiKernel } from './piKernel.js';
import { runTensors } from './tensors.js';

const webGpu = () => (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;

/** WebGPU in this browser: an adapter that runs work, or the reason there is none. */
export async function probeBrowserWebGpu(): Promise<BackendAvailability> {
  const gpu = webGpu();
  if (gpu === undefined) return { available: false, detail: 'this browser has no WebGPU (navigator.gpu is missing)' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (adapter === null) return { available: false, detail: 'WebGPU is present but offered no adapter' };
  const summary = summarizeAdapter(adapter);
  return summary === undefined
    ? { available: false, detail: 'the WebGPU adapter runs nothing (a null backend)' }
    : { available: true, detail: summary.name };
}

/** The WGSL π kernel on this browser's WebGPU device. */
async function openBrowserKernel(): Promise<Estimator> {
  const adapter = await webGpu()?.requestAdapter();
  if (adapter === null || adapter === undefined) throw new PiError('BACKEND_UNAVAILABLE', 'webgpu: no WebGPU adapter in this browser');
  const summary = summarizeAdapter(adapter);
  if (summary === undefined) throw new PiError('BACKEND_UNAVAILABLE', 'webgpu: the WebGPU adapter runs nothing (a null backend)');
  const device = await adapter.requestDevice({
    requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize },
  });
  const kernel = createPiKernel(device, summary);
  return {
    name: 'webgpu',
    reproducible: true,
    run: (options) => kernel.run(options),
    dispose: async () => {
      kernel.dispose();
      device.destroy();
    },
  };
}

/** TensorFlow.js on its WebGPU backend, or its CPU backend. */
async function openBrowserTfjs(backend: 'webgpu' | 'cpu'): Promise<Estimator> {
  const [tf] = await Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-backend-cpu')]);
  if (backend === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu').catch(() => false))) {
      throw new PiError('BACKEND_UNAVAILABLE', 'tfjs: the webgpu backend did not initialize in this browser');
    }
  } else {
    await tf.setBackend('cpu');
  }
  await tf.ready();
  const backendName = `tfjs-${backend}`;
  return { name: backendName, reproducible: false, run: (options) => runTensors(tf, options, { backendName }) };
}

/** The backends of @pi/gpu-tf in a browser: the WGSL kernel on navigator.gpu, and tfjs tensors. */
export const gpuTfBackends: readonly BackendDescriptor[] = [
  { ...WEBGPU_BACKEND, options: [], probe: probeBrowserWebGpu, create: openBrowserKernel },
  {
    ...TFJS_BACKEND,
    options: [tfBackendOption(['webgpu', 'cpu'], 'webgpu where there is WebGPU, else cpu')],
    probe: async () => {
      const gpu = await probeBrowserWebGpu();
      return { available: true, detail: gpu.available ? `webgpu yes (${gpu.detail}), cpu yes` : 'webgpu no, cpu yes' };
    },
    create: async (options = {}) => {
      const asked = options['tfBackend'];
      const backend = asked === 'cpu' || asked === 'webgpu' ? asked : (await probeBrowserWebGpu()).available ? 'webgpu' : 'cpu';
      return openBrowserTfjs(backend);
    },
  },
];
