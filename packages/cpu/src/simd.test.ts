import { BLOCK_SIZE, isPiError, type EstimateOptions, type GeneratorName } from '@pi/core';
import { describe, expect, test } from 'vitest';
import { estimateLoop } from './loop.js';
import { estimateSimd } from './simd.js';

const GENERATORS: GeneratorName[] = ['xoshiro128p', 'numba'];

// Awkward sizes: one point, fewer streams than lanes, a block ± 1, runs that leave lanes and a short block
// over, and enough points (2^22 + 7) that xoshiro's rare exact-settlement branch is taken hundreds of times.
const PLANS: EstimateOptions[] = [
  { samples: 1 },
  { samples: 3 * BLOCK_SIZE },
  { samples: BLOCK_SIZE - 1 },
  { samples: BLOCK_SIZE + 1 },
  { samples: 9 * BLOCK_SIZE + 123 },
  { samples: 2 ** 22 + 7 },
  { groups: { pointsPerGroup: 1, groups: 13 } },
  { groups: { pointsPerGroup: 1001, groups: 7 } },
  { groups: { pointsPerGroup: 777, groups: 37 } },
];

describe('simd: exact equality with loop (the reproducibility contract)', () => {
  for (const generator of GENERATORS) {
    for (const plan of PLANS) {
      test(`${generator} ${JSON.stringify(plan)}, seeds 0, 1, 1234, 2^53 − 1`, async () => {
        for (const seed of [0, 1, 1234, 2 ** 53 - 1]) {
          const options = { ...plan, generator, seed };
          const [reference, result] = [await estimateLoop(options), await estimateSimd(options)];
          expect(result.inside).toBe(reference.inside);
          expect(result.samples).toBe(reference.samples);
          expect(result.groupCounts).toEqual(reference.groupCounts);
          expect(result).toMatchObject({ backend: 'simd', status: 'completed', reproducible: true });
        }
      });
    }
  }

  test('shards: each shard equals loop on that shard, and the shards add up to the whole plan', async () => {
    for (const generator of GENERATORS) {
      const plan = { samples: 11 * BLOCK_SIZE + 5, generator, seed: 42 };
      let total = 0;
      for (let index = 0; index < 3; index++) {
        const shard = { index, count: 3 };
        const [reference, result] = [await estimateLoop({ ...plan, shard }), await estimateSimd({ ...plan, shard })];
        expect(result.inside).toBe(reference.inside);
        expect(result.shard).toEqual(reference.shard);
        total += result.inside;
      }
      expect(total).toBe((await estimateLoop(plan)).inside);
    }
  });
});

describe('simd: known answers', () => {
  test("numba generator, 500 × 64 groups, seed 1234: the CUDA simulator's 25183 and per-group counts", async () => {
    const result = await estimateSimd({ generator: 'numba', groups: { pointsPerGroup: 500, groups: 64 }, seed: 1234 });
    expect(result.inside).toBe(25183);
    expect(result.groupCounts).toHaveLength(64);
  });
});

describe('simd: abort and progress', () => {
  test('an abort returns complete blocks only: exactly loop on the first blocks, status "aborted"', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    setTimeout(() => controller.abort(), 150);
    const result = await estimateSimd({
      samples: 1e12,
      seed: 7,
      signal: controller.signal,
      onProgress: (p) => progress.push(p.samplesDone),
    });
    expect(result.status).toBe('aborted');
    expect(result.samples % BLOCK_SIZE).toBe(0);
    expect(result.samples).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect((await estimateSimd({ samples: result.samples, seed: 7 })).inside).toBe(result.inside);
  });

  test('an already aborted signal counts nothing', async () => {
    const result = await estimateSimd({ samples: 1e6, signal: AbortSignal.abort() });
    expect(result).toMatchObject({ status: 'aborted', samples: 0, inside: 0 });
  });

  test('bad options are refused at the boundary', async () => {
    const error = await estimateSimd({ samples: 1.5 }).catch((e: unknown) => e);
    expect(isPiError(error) && error.code === 'INVALID_ARGUMENT').toBe(true);
  });
});
