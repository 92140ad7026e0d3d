import type { BenchCase, ExperimentDefinition } from './runBench.js';
import { timeEstimator, timeJob } from './runBench.js';

const n = (x: number) => x.toLocaleString('en-US');

/** A row that runs a `pi estimate` backend. */
function estimatorRow(
  id: string,
  label: string,
  backend: string,
  plan: (s: import('./runBench.js').BenchSizes) => import('@pi/core').EstimateOptions,
  extra: Partial<Pick<BenchCase, 'baseline' | 'peerCase'>> & { backendOptions?: import('../backends.js').BackendOptions } = {},
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
        estimatorRow('naive', 'naive: plain JS, Math.random', 'naive', (z) => ({ samples: z.piSamples }), { baseline: true, peerCase: 'calculate_pi_python' }),
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
      const dataframe = () => import('@pi/dataframe');
      return [
        {
          id: 'cell',
          label: 'cell by cell: danfo, one cell at a time',
          baseline: true,
          peerCase: 'fill_dataframe_pandas_at',
          // The seed times one call of the slow fill; a second (warm) one shows the JIT's share.
          run: (context) =>
            timeJob(async () => {
              const { fillDataFrame, estimatePi } = await dataframe();
              const { result } = estimatePi(await fillDataFrame(rows, cols, { seed: 1 }));
              return { samples: rows * cols, pi: result.pi, reproducible: true };
            }, context, 1),
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
        estimatorRow('workers', 'workers: all cores', 'workers', (z) => ({ groups: { pointsPerGroup: z.groups[0], groups: z.groups[1] } }), {
          peerCase: 'evaluate_pi_mt',
        }),
      ].map((row) => row(s)),
  },
];
