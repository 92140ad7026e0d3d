import type { BenchCase, ExperimentDefinition } from './runBench.js';
import { DATAFRAME_BENCH_NOTE, loadDataframe } from '../_loadDataframe.js';
import { timeEstimator, timeJob, type BenchSizes, type CaseContext, type CaseOutcome } from './runBench.js';

/** Dawn's adapter and device, opened once per bench (every GPU row and the transfer demo share it). */
let nodeGpu: Promise<import('@pi/gpu-tf').NodeGpu> | undefined;
const openGpu = () => (nodeGpu ??= import('@pi/gpu-tf').then((gpu) => gpu.openNodeGpu()));

/** The adapter Dawn gives this process, or why there is none. */
async function gpuAdapter(): Promise<{ name: string; software: boolean } | { unavailable: string }> {
  try {
    const { summary } = await openGpu();
    return { name: summary.name, software: summary.software };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

/**
 * A GPU row: the seed's size on a hardware adapter, a smaller one on a software adapter (SwiftShader is the
 * CPU pretending to be a GPU: the full size would take many minutes), said in the row's note.
 */
function gpuRow(
  id: string,
  label: string,
  backend: string,
  generator: 'numba' | 'xoshiro128p',
  extra: { baseline?: boolean; peerCase?: string; tfBackend?: 'webgpu' | 'cpu' },
): (s: BenchSizes) => BenchCase {
  return (s) => ({
    id,
    label,
    ...(extra.baseline ? { baseline: true } : {}),
    ...(extra.peerCase ? { peerCase: extra.peerCase } : {}),
    run: async (context: CaseContext): Promise<CaseOutcome> => {
      const adapter = await gpuAdapter();
      if ('unavailable' in adapter && extra.tfBackend !== 'cpu') return { available: false, note: adapter.unavailable };
      const software = 'software' in adapter ? adapter.software : true;
      // tf.randomUniform draws on the CPU, so tensor rows keep the smaller size on every adapter (at the
      // seed's 2.5e9 they would take minutes on a GPU node); the kernel rows run the seed's size on hardware.
      const tensors = extra.tfBackend !== undefined;
      const [pointsPerGroup, groups] = software || tensors ? s.gpuSoftware : s.gpu;
      const outcome = await timeEstimator(
        backend,
        { groups: { pointsPerGroup, groups }, generator, seed: 1 },
        context,
        extra.tfBackend === undefined ? {} : { tfBackend: extra.tfBackend },
      );
      if (!outcome.available) return outcome;
      // Adapter names say "(software)" where they are (see @pi/gpu-tf's summarizeAdapter).
      const where = extra.tfBackend === 'cpu' ? 'tfjs cpu backend' : 'name' in adapter ? adapter.name : '';
      const reduced =
        software && extra.tfBackend !== 'cpu'
          ? `; reduced to ${n(pointsPerGroup)} × ${n(groups)} on a software adapter`
          : tensors && !software
            ? `; reduced to ${n(pointsPerGroup)} × ${n(groups)}: tensors are drawn on the CPU`
            : '';
      return { ...outcome, note: `${where}${reduced}` };
    },
  });
}

const n = (x: number) => x.toLocaleString('en-US');

/** A row that runs a `pi estimate` backend. */
function estimatorRow(
  id: string,
  label: string,
  backend: string,
  plan: (s: import('./runBench.js').BenchSizes) => import('@pi/core').EstimateOptions,
  extra: Partial<Pick<BenchCase, 'baseline' | 'peerCase'>> & { backendOptions?: import('@pi/core').BackendOptionsGiven } = {},
): (s: import('./runBench.js').BenchSizes) => BenchCase {
  return (s) => ({
    id,
    label,
    ...(extra.baseline ? { baseline: true } : {}),
    ...(extra.peerCase ? { peerCase: extra.peerCase } : {}),
    run: (context) => timeEstimator(backend, { ...plan(s), seed: 1 }, context, extra.backendOptions ?? {}),
  });
}

/** The seed's five timing cells, in its order. */
export const EXPERIMENTS: readonly ExperimentDefinition[] = [
  {
    id: 1,
    title: 'Vanilla vs compiled',
    seedCell: 'calculate_pi (plain Python vs @numba.jit)',
    size: (s) => `${n(s.piSamples)} samples`,
    cases: (s) =>
      [
        estimatorRow('naive', 'naive: plain JS, Math.random', 'naive', (z) => ({ samples: z.piSamples }), {
          baseline: true,
          peerCase: 'calculate_pi_python',
        }),
        estimatorRow('loop', 'loop: seeded typed loop', 'loop', (z) => ({ samples: z.piSamples }), { peerCase: 'calculate_pi_numba' }),
        estimatorRow('simd', 'simd: WebAssembly SIMD', 'simd', (z) => ({ samples: z.piSamples }), { peerCase: 'calculate_pi_numba' }),
      ].map((row) => row(s)),
  },
  {
    id: 2,
    title: 'DataFrame fills',
    seedCell: 'fill_dataframe (df.at per cell) vs fill_dataframe2 (numba draws, one DataFrame)',
    size: (s) => `${n(s.dataFrame[0])} × ${n(s.dataFrame[1])} cells`,
    cases: (s) => {
      const [rows, cols] = s.dataFrame;
      const dataframe = () => loadDataframe(() => import('@pi/dataframe'), DATAFRAME_BENCH_NOTE);
      return [
        {
          id: 'cell',
          label: 'cell by cell: danfo, one cell at a time',
          baseline: true,
          peerCase: 'fill_dataframe_pandas_at',
          // The seed times one call of the slow fill; a second (warm) one shows the JIT's share.
          run: (context) =>
            timeJob(
              async () => {
                const { fillDataFrame, estimatePi } = await dataframe();
                const { result } = estimatePi(await fillDataFrame(rows, cols, { seed: 1 }));
                return { samples: rows * cols, pi: result.pi, reproducible: true };
              },
              context,
              1,
            ),
        },
        {
          id: 'vectorized',
          label: 'vectorized: drawn by @pi/cpu, wrapped once',
          peerCase: 'fill_dataframe2_numba',
          run: (context) =>
            timeJob(async () => {
              const { fillDataFrame2, estimatePi } = await dataframe();
              const { result } = estimatePi(fillDataFrame2(rows, cols, { seed: 1 }));
              return { samples: rows * cols, pi: result.pi, reproducible: true };
            }, context),
        },
      ];
    },
  },
  {
    id: 3,
    title: 'One core vs all cores',
    seedCell: 'evaluate_pi_st vs evaluate_pi_mt (numba prange)',
    size: (s) => `${n(s.groups[0])} × ${n(s.groups[1])} groups`,
    cases: (s) =>
      [
        estimatorRow('loop', 'loop: one core', 'loop', (z) => ({ groups: { pointsPerGroup: z.groups[0], groups: z.groups[1] } }), {
          baseline: true,
          peerCase: 'evaluate_pi_st',
        }),
        estimatorRow('simd', 'simd: one core', 'simd', (z) => ({ groups: { pointsPerGroup: z.groups[0], groups: z.groups[1] } }), {
          peerCase: 'evaluate_pi_st',
        }),
        estimatorRow(
          'workers',
          'workers: all cores',
          'workers',
          (z) => ({ groups: { pointsPerGroup: z.groups[0], groups: z.groups[1] } }),
          {
            peerCase: 'evaluate_pi_mt',
          },
        ),
      ].map((row) => row(s)),
  },
  {
    id: 4,
    title: 'GPU',
    seedCell: 'compute_pi_on_gpu (numba.cuda kernel, xoroshiro128+ per thread)',
    size: (s) => `${n(s.gpu[0])} × ${n(s.gpu[1])} groups (software adapters: ${n(s.gpuSoftware[0])} × ${n(s.gpuSoftware[1])})`,
    cases: (s) =>
      [
        gpuRow('tfjs-webgpu', 'tfjs tensors on WebGPU', 'tfjs', 'xoshiro128p', { baseline: true, tfBackend: 'webgpu' }),
        gpuRow('tfjs-cpu', 'tfjs tensors on the tfjs cpu backend', 'tfjs', 'xoshiro128p', { tfBackend: 'cpu' }),
        gpuRow('webgpu-numba', "WGSL kernel, numba generator (the seed's kernel)", 'webgpu', 'numba', { peerCase: 'compute_pi_on_gpu' }),
        gpuRow('webgpu-xoshiro', 'WGSL kernel, xoshiro128p', 'webgpu', 'xoshiro128p', { peerCase: 'compute_pi_on_gpu' }),
      ].map((row) => row(s)),
  },
  {
    id: 5,
    title: 'Transfers',
    seedCell: 'increment_by_one 25 times on 10,000 elements: host array vs cuda.to_device',
    size: () => '10,000 float32 × 25 launches',
    cases: () => {
      const transfer = (which: 'roundTripSeconds' | 'keptOnDeviceSeconds') => async (context: CaseContext) => {
        const adapter = await gpuAdapter();
        if ('unavailable' in adapter) return { available: false, note: adapter.unavailable } as const;
        const gpu = await import('@pi/gpu-tf');
        const { device } = await openGpu();
        return timeJob(async () => {
          const r = await gpu.runTransferDemo(device, { length: 10_000, launches: 25 });
          if (!r.correct) throw new Error('increment_by_one produced wrong values');
          return { samples: r.length * r.launches, seconds: r[which], note: `${adapter.name}; samples = element updates` };
        }, context);
      };
      return [
        {
          id: 'round-trip',
          label: 'round trip around every launch',
          baseline: true,
          peerCase: 'transfer_round_trip',
          run: transfer('roundTripSeconds'),
        },
        { id: 'on-device', label: 'kept on the device', peerCase: 'transfer_on_device', run: transfer('keptOnDeviceSeconds') },
      ];
    },
  },
];
