import type { Estimator } from '@pi/core';

/** What `pi info` says of a backend on this machine. */
export interface BackendProbe {
  readonly available: boolean;
  /** Why not, or what it runs on. */
  readonly detail: string;
}

/** A backend of `pi estimate --backend`, loaded only when used. */
export interface BackendEntry {
  /** One line for help and `pi info`. */
  readonly summary: string;
  /** Whether results keep the reproducibility contract. */
  readonly reproducible: boolean;
  /** Loads and returns the estimator; throws PiError BACKEND_UNAVAILABLE when it cannot run here. */
  readonly load: (options: BackendOptions) => Promise<Estimator>;
  /** Checks, cheaply, whether it can run here. */
  readonly probe: () => Promise<BackendProbe>;
}

/** Options some backends take from the command line. */
export interface BackendOptions {
  /** Worker threads, for parallel backends. */
  readonly threads?: number;
  /** tfjs backend of `--backend tfjs`: webgpu (default), tensorflow or cpu. */
  readonly tfBackend?: 'webgpu' | 'tensorflow' | 'cpu';
}

/** The backends of `pi estimate`, in the order help lists them. */
export const backends: Record<string, BackendEntry> = {
  naive: {
    summary: "the seed's vanilla loop: Math.random, not reproducible",
    reproducible: false,
    load: async () => (await import('@pi/cpu')).naive,
    probe: async () => ({ available: true, detail: 'plain JavaScript, one core' }),
  },
  loop: {
    summary: 'seeded typed loop on one core, exact (the reference)',
    reproducible: true,
    load: async () => (await import('@pi/cpu')).loop,
    probe: async () => ({ available: true, detail: 'plain JavaScript, one core' }),
  },
  simd: {
    summary: 'WebAssembly SIMD (v128) on one core, lanes are streams; exact',
    reproducible: true,
    load: async () => (await import('@pi/cpu')).simd,
    probe: async () =>
      (await import('@pi/cpu')).simdSupported()
        ? { available: true, detail: 'WebAssembly SIMD (v128), one core' }
        : { available: false, detail: 'this runtime has no WebAssembly SIMD' },
  },
  workers: {
    summary: 'worker threads running the SIMD kernel, --threads N (default: every core); exact',
    reproducible: true,
    load: async (options) =>
      (await import('@pi/cpu')).createWorkersEstimator(options.threads === undefined ? {} : { threads: options.threads }),
    probe: async () => ({
      available: true,
      detail: `${(await import('node:os')).availableParallelism()} worker threads by default, WebAssembly SIMD in each`,
    }),
  },
  webgpu: {
    summary: 'fused WGSL kernel on WebGPU (Dawn; SwiftShader is named software); exact',
    reproducible: true,
    load: async () => (await import('@pi/gpu-tf')).kernelEstimator(),
    probe: async () => {
      const { summary } = await (await import('@pi/gpu-tf')).openNodeGpu();
      return { available: true, detail: summary.name };
    },
  },
  tfjs: {
    summary: 'TensorFlow.js tensors, --tf-backend webgpu|tensorflow|cpu; not reproducible',
    reproducible: false,
    load: async (options) =>
      (await import('@pi/gpu-tf')).tensorsEstimator(options.tfBackend === undefined ? {} : { tfBackend: options.tfBackend }),
    probe: async () => {
      const tf = await (await import('@pi/gpu-tf')).probeTfBackends();
      return { available: true, detail: tf.map((b) => `${b.name} ${b.available ? 'yes' : 'no'}`).join(', ') };
    },
  },
};

/** Backend names, for choices in help and errors. */
export const backendNames = (): string[] => Object.keys(backends);
