import { GENERATORS, type BackendAvailability, type BackendDescriptor } from '@pi/core';
import { loop } from './loop.js';
import { naive } from './naive.js';
import { simd } from './simd.js';
import { simdSupported } from './kernels/simdKernel.js';
import { createWorkersEstimator } from './workers.js';

const oneCore = async (): Promise<BackendAvailability> => ({ available: true, detail: 'plain JavaScript, one core' });

/** The most worker threads `workers` accepts. */
export const MAX_THREADS = 1024;

/** The backends of @pi/cpu, in the order help lists them. */
export const cpuBackends: readonly BackendDescriptor[] = [
  {
    id: 'naive',
    summary: "the seed's vanilla loop with Math.random (not reproducible)",
    reproducible: false,
    generators: GENERATORS,
    hosts: ['node', 'browser'],
    occupiesThread: true,
    options: [],
    probe: oneCore,
    create: async () => naive,
  },
  {
    id: 'loop',
    summary: 'seeded typed loop on one core: the exact reference',
    reproducible: true,
    generators: GENERATORS,
    hosts: ['node', 'browser'],
    occupiesThread: true,
    options: [],
    probe: oneCore,
    create: async () => loop,
  },
  {
    id: 'simd',
    summary: 'WebAssembly SIMD on one core, lanes are streams; exact',
    reproducible: true,
    generators: GENERATORS,
    hosts: ['node', 'browser'],
    occupiesThread: true,
    options: [],
    probe: async () =>
      simdSupported()
        ? { available: true, detail: 'WebAssembly SIMD (v128), one core' }
        : { available: false, detail: 'this runtime has no WebAssembly SIMD (v128)' },
    create: async () => simd,
  },
  {
    id: 'workers',
    summary: 'the SIMD kernel on a pool of worker threads; exact',
    reproducible: true,
    generators: GENERATORS,
    hosts: ['node', 'browser'],
    occupiesThread: false,
    options: [
      {
        name: 'threads',
        description: `Worker threads, 1 to ${MAX_THREADS}`,
        values: { kind: 'integer', min: 1, max: MAX_THREADS },
        defaultText: 'every core',
      },
    ],
    probe: async () => {
      if (!simdSupported()) return { available: false, detail: 'this runtime has no WebAssembly SIMD (v128)' };
      try {
        const threads = await createWorkersEstimator().threads();
        return { available: true, detail: `${threads} worker threads by default, WebAssembly SIMD in each` };
      } catch (error) {
        return { available: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    create: async (options = {}) => {
      const threads = options['threads'];
      return createWorkersEstimator(typeof threads === 'number' ? { threads } : {});
    },
  },
];
