import { describe, expect, it } from 'vitest';
import { resolveEstimateOptions } from './estimateOptions.js';
import { groupsPlan, planSamples, rangePoints, samplesPlan, streamCount, streamPoints } from './plan.js';

describe('plans', () => {
  it('samples plans cut S into blocks of 65,536, the last one shorter', () => {
    const plan = samplesPlan(200_000);
    expect(streamCount(plan)).toBe(4);
    expect([0, 1, 2, 3].map((k) => streamPoints(plan, k))).toEqual([65_536, 65_536, 65_536, 3_392]);
    expect(rangePoints(plan, 1, 3)).toBe(200_000 - 65_536);
    expect(planSamples(plan)).toBe(200_000);
  });

  it('groups plans give each group one stream', () => {
    const plan = groupsPlan(500, 64);
    expect(streamCount(plan)).toBe(64);
    expect(streamPoints(plan, 63)).toBe(500);
    expect(planSamples(plan)).toBe(32_000);
  });

  it.each([-5, 1.5, 0, Number.NaN, Number.POSITIVE_INFINITY, 1e300, 2 ** 53])('refuses samples %d', (s) => {
    expect(() => samplesPlan(s)).toThrow(/samples: .* expected an integer in \[1, 2\^53\)/);
  });
});

describe('resolveEstimateOptions', () => {
  it('defaults to 1,000,000 samples, xoshiro128p, seed 0', () => {
    const o = resolveEstimateOptions();
    expect(o.plan).toEqual(samplesPlan(1_000_000));
    expect(o.generator).toBe('xoshiro128p');
    expect(o.seed).toBe(0);
  });
  it('refuses two plans at once, bad generators and seeds', () => {
    expect(() => resolveEstimateOptions({ samples: 10, precision: 1e-3 })).toThrow(/only one of/);
    expect(() => resolveEstimateOptions({ generator: 'mt' as never })).toThrow(/generator: "mt" .* xoshiro128p or numba/);
    expect(() => resolveEstimateOptions({ seed: -1 })).toThrow(/seed: -1/);
    expect(() => resolveEstimateOptions({ seed: 0.5 })).toThrow(/seed: 0.5/);
  });
  it('precision picks the sample count', () => {
    const o = resolveEstimateOptions({ precision: 1e-3 });
    expect(o.plan.kind).toBe('samples');
    expect(planSamples(o.plan)).toBeGreaterThan(10_000_000);
  });
});
