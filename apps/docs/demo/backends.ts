import { PiError, type Estimator } from '@pi/core';
import { offThreadEstimator } from './offThread.ts';

/** Whether a backend can run in this browser, and why not or on what. */
export interface DemoAvailability {
  readonly available: boolean;
  readonly detail: string;
}

/** A backend the reader can pick. Each one plugs in here; the page knows nothing else about it. */
export interface DemoBackend {
  /** Name as in `pi estimate --backend`. */
  readonly id: string;
  /** One line under the picker. */
  readonly summary: string;
  /** Whether its counts keep the reproducibility contract (equal to `loop` for the same seed and plan). */
  readonly reproducible: boolean;
  /** Checks, cheaply, whether it can run here. */
  readonly probe: () => Promise<DemoAvailability>;
  /** Makes the estimator (loads its modules, starts its threads or device). */
  readonly create: () => Promise<Estimator>;
}


let workersPool: Promise<Estimator> | undefined;
let webGpuKernel: Promise<Estimator> | undefined;
let tfjsEstimator: Promise<Estimator> | undefined;

/** The page keeps pools and devices warm across runs: a run's `dispose` must not close them. */
function keepAlive(estimator: Estimator): Estimator {
  return { name: estimator.name, reproducible: estimator.reproducible, run: (options) => estimator.run(options) };
}

/** The WGSL π kernel of @pi/gpu-tf on this browser's WebGPU device. */
async function openWebGpuKernel(): Promise<Estimator> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  const adapter = await gpu?.requestAdapter();
  if (gpu === undefined || adapter === null || adapter === undefined) {
    throw new PiError('BACKEND_UNAVAILABLE', 'no WebGPU adapter in this browser');
  }
  const { createPiKernel, summarizeAdapter } = await import('@pi/gpu-tf/browser');
  const summary = summarizeAdapter(adapter);
  if (summary === undefined) throw new PiError('BACKEND_UNAVAILABLE', 'the WebGPU adapter runs nothing (a null backend)');
  const device = await adapter.requestDevice({
    requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize },
  });
  const kernel = createPiKernel(device, summary);
  return { name: 'webgpu', reproducible: true, run: (options) => kernel.run(options) };
}

/** TensorFlow.js with its WebGPU backend where there is WebGPU, else its CPU backend. */
async function openTfjs(): Promise<Estimator> {
  const [tf, { runTensors }] = await Promise.all([import('@tensorflow/tfjs-core'), import('@pi/gpu-tf/browser')]);
  await import('@tensorflow/tfjs-backend-cpu');
  let backend = 'cpu';
  if ((await probeWebGpu()).available) {
    await import('@tensorflow/tfjs-backend-webgpu');
    if (await tf.setBackend('webgpu').catch(() => false)) backend = 'webgpu';
  }
  if (backend === 'cpu') await tf.setBackend('cpu');
  await tf.ready();
  const backendName = `tfjs-${backend}`;
  return { name: backendName, reproducible: false, run: (options) => runTensors(tf, options, { backendName }) };
}

/** WebGPU in this browser: an adapter, or the reason there is none. */
export async function probeWebGpu(): Promise<DemoAvailability> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (gpu === undefined) {
    return { available: false, detail: 'this browser has no WebGPU (navigator.gpu is missing); the CPU backends still work' };
  }
  const adapter = await gpu.requestAdapter();
  if (adapter === null) {
    return { available: false, detail: 'WebGPU is present but offered no adapter; the CPU backends still work' };
  }
  const info = adapter.info;
  const name = [info.vendor, info.architecture, info.description].filter((s) => s !== '').join(' ');
  return { available: true, detail: name === '' ? 'a WebGPU adapter' : name };
}

/** The demo's backends, in the order the picker lists them. */
export const demoBackends: readonly DemoBackend[] = [
  {
    id: 'loop',
    summary: 'seeded typed loop on one core, in a worker: the reference every backend must equal',
    reproducible: true,
    probe: async () => ({ available: true, detail: 'plain JavaScript, one core (a dedicated worker)' }),
    create: async () => offThreadEstimator('loop', true),
  },
  {
    id: 'simd',
    summary: 'WebAssembly SIMD lanes on one core, in a worker',
    reproducible: true,
    probe: async () => {
      const { simdSupported } = await import('@pi/cpu');
      return simdSupported()
        ? { available: true, detail: 'WebAssembly SIMD, one core (a dedicated worker)' }
        : { available: false, detail: 'this browser has no WebAssembly SIMD' };
    },
    create: async () => offThreadEstimator('simd', true),
  },
  {
    id: 'workers',
    summary: 'the plan split over Web Workers, one per core, each counting with the SIMD kernel',
    reproducible: true,
    probe: async () => {
      if (typeof Worker !== 'function') return { available: false, detail: 'this browser has no Web Workers' };
      const { createWorkersEstimator } = await import('@pi/cpu');
      const threads = await createWorkersEstimator().threads();
      return { available: true, detail: `${threads} Web Workers (navigator.hardwareConcurrency)` };
    },
    create: async () => {
      // One pool for the page, kept warm between runs (starting workers is the cold part).
      workersPool ??= import('@pi/cpu').then(({ createWorkersEstimator }) => createWorkersEstimator());
      return keepAlive(await workersPool);
    },
  },
  {
    id: 'webgpu',
    summary: 'a WGSL kernel: every stream a GPU thread, counted on the device',
    reproducible: true,
    probe: probeWebGpu,
    create: async () => {
      webGpuKernel ??= openWebGpuKernel();
      webGpuKernel.catch(() => (webGpuKernel = undefined));
      return keepAlive(await webGpuKernel);
    },
  },
  {
    id: 'tfjs',
    summary: 'TensorFlow.js tensors from tf.randomUniform: vectorized, but not reproducible',
    reproducible: false,
    probe: async () => {
      const gpu = await probeWebGpu();
      return { available: true, detail: gpu.available ? 'the tfjs WebGPU backend' : "tfjs's CPU backend (no WebGPU here)" };
    },
    create: async () => {
      tfjsEstimator ??= openTfjs();
      tfjsEstimator.catch(() => (tfjsEstimator = undefined));
      return keepAlive(await tfjsEstimator);
    },
  },
];
