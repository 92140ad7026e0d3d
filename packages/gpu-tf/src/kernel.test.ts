import { resolveEstimateOptions } from '@pi/core';
import { estimateLoop } from '@pi/cpu';
import { afterAll, describe, expect, test } from 'vitest';
import { kernelEstimator } from './index.js';

// Equality with loop over the conformance table (both generators, awkward sizes, groups, shards, abort
// prefixes) is the conformance suite's (packages/cli/test/conformance.ts), which runs the registered
// `webgpu` backend. Here: what only this package can set, a kernel made to split its work; device-side
// starts, split streams and aborts are in deviceStarts.test.ts.
const kernel = kernelEstimator();
// Dispatches of ~5 ms force a run to split into many dispatches.
const choppy = kernelEstimator({ targetDispatchMs: 5, firstDispatchPoints: 4096 });
afterAll(async () => {
  await kernel.dispose?.();
  await choppy.dispose?.();
});

describe.each(['xoshiro128p', 'numba'] as const)('kernel == loop, %s', (generator) => {
  test('split into many dispatches and batches, seeds 0, 1, 2^40', async () => {
    for (const seed of [0, 1, 2 ** 40]) {
      const o = { samples: 200_001, seed, generator };
      const gpu = await choppy.run(resolveEstimateOptions(o));
      expect(gpu.inside).toBe((await estimateLoop(o)).inside);
      expect(gpu.details?.dispatches).toBeGreaterThan(1);
    }
    const g = { groups: { pointsPerGroup: 20_000, groups: 9 }, seed: 8, generator };
    const gpu = await choppy.run(resolveEstimateOptions(g));
    expect(gpu.groupCounts).toEqual((await estimateLoop(g)).groupCounts);
  });
});

describe('results', () => {
  test('name the adapter, and SwiftShader as software', async () => {
    const r = await kernel.run(resolveEstimateOptions({ samples: 1000 }));
    expect(r.backend).toBe('webgpu');
    expect(r.details?.method).toBe('kernel');
    expect(typeof r.details?.adapter).toBe('string');
    if (/swiftshader/i.test(String(r.details?.adapter))) {
      expect(r.details?.software).toBe(true);
      expect(String(r.details?.adapter)).toMatch(/\(software\)$/);
    }
  });
});
