import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { computePiOnGpu, kernelEstimator } from './index.js';

// Known answers: per-thread counts of the seed's compute_pi_kernel, from numba's CUDA simulator
// (packages/core/test-vectors/numba/fixtures.json, made by test-vectors/numba/thread_counts.py).
const fixtures = JSON.parse(readFileSync(new URL('../../core/test-vectors/numba/fixtures.json', import.meta.url), 'utf8')) as {
  cases: Array<{ pointsPerGroup: number; groups: number; seed: number; totalInside: number; counts: number[] }>;
};
const estimator = kernelEstimator();
afterAll(() => estimator.dispose?.());

test.each(fixtures.cases.map((c) => [`${c.pointsPerGroup}×${c.groups} seed ${c.seed}`, c] as const))(
  'compute_pi_on_gpu %s: per-thread counts equal numba',
  async (_, c) => {
    const r = await computePiOnGpu(await estimator.kernel(), c.pointsPerGroup, c.groups, c.seed);
    expect(r.groupCounts).toEqual(c.counts);
    expect(r.inside).toBe(c.totalInside);
    const mean = c.counts.reduce((s, k) => s + (4 * k) / c.pointsPerGroup, 0) / c.groups;
    expect(r.pi).toBeCloseTo(mean, 12);
  },
);
