import { isPiError } from '@pi/core';
import { describe, expect, test } from 'vitest';
import { estimateSimd } from './simd.js';

// Equality with loop (awkward sizes, fewer streams than lanes, shards, both generators), abort prefixes
// and aborted signals are the conformance suite's (packages/cli/test/conformance.ts).

describe('simd: known answers', () => {
  test("numba generator, 500 × 64 groups, seed 1234: the CUDA simulator's 25183 and per-group counts", async () => {
    const result = await estimateSimd({ generator: 'numba', groups: { pointsPerGroup: 500, groups: 64 }, seed: 1234 });
    expect(result.inside).toBe(25183);
    expect(result.groupCounts).toHaveLength(64);
  });
});

describe('simd: options', () => {
  test('bad options are refused at the boundary', async () => {
    const error = await estimateSimd({ samples: 1.5 }).catch((e: unknown) => e);
    expect(isPiError(error) && error.code === 'INVALID_ARGUMENT').toBe(true);
  });
});
