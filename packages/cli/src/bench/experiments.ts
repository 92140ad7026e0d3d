import type { BenchCase, ExperimentDefinition } from './runBench.js';
import { timeEstimator } from './runBench.js';

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
