import { groupsPlan, resolveEstimateOptions, type EstimateOptions } from '@pi/core';
import { estimateLoop } from '@pi/cpu';
import { afterAll, describe, expect, test } from 'vitest';
import { kernelEstimator } from './index.js';

// Exact cross-backend equality: the WGSL kernel on this machine's WebGPU adapter (SwiftShader in CI) must
// count exactly what @pi/cpu's loop counts, for both generators, several seeds, awkward sizes and shards.
const kernel = kernelEstimator();
// Dispatches of ~2 ms force batches and pieces to split (many dispatches per run, streams resumed from saved states).
const choppy = kernelEstimator({ targetDispatchMs: 5, firstDispatchPoints: 4096 });
afterAll(async () => {
  await kernel.dispose?.();
  await choppy.dispose?.();
});

const cases: Array<[string, EstimateOptions]> = [
  ['one point', { samples: 1 }],
  ['one block and one point', { samples: 65_537 }],
  ['awkward size', { samples: 333_333, seed: 12_345_678_901 }],
  ['groups 7×3', { groups: { pointsPerGroup: 7, groups: 3 }, seed: 5 }],
  ['groups 1001×130 (more groups than a workgroup)', { groups: { pointsPerGroup: 1001, groups: 130 }, seed: 99 }],
  ['shard 1 of 3', { samples: 400_000, seed: 3, shard: { index: 1, count: 3 } }],
  ['empty shard', { samples: 10, seed: 3, shard: { index: 0, count: 2 } }],
];

describe.each(['xoshiro128p', 'numba'] as const)('kernel == loop, %s', (generator) => {
  test.each(cases)('%s', async (_, options) => {
    const o = { ...options, generator };
    const [gpu, cpu] = await Promise.all([kernel.run(resolveEstimateOptions(o)), estimateLoop(o)]);
    expect(gpu.inside).toBe(cpu.inside);
    expect(gpu.samples).toBe(cpu.samples);
    expect(gpu.groupCounts).toEqual(cpu.groupCounts);
    expect(gpu.shard).toEqual(cpu.shard);
    expect(gpu.reproducible).toBe(true);
    expect(gpu.status).toBe('completed');
  });

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

  test('an abort before the start returns an empty aborted result', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await kernel.run({ plan: groupsPlan(10, 10), generator: 'numba', seed: 1, signal: controller.signal });
    expect(r.status).toBe('aborted');
    expect(r.samples).toBe(0);
  });
});
