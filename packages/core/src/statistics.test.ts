import { describe, expect, it } from 'vitest';
import { makeResult } from './result.js';
import { binomialStandardError, confidenceInterval, groupStandardError, samplesForPrecision, Z_95 } from './statistics.js';
import { samplesPlan, groupsPlan } from './plan.js';

describe('statistics', () => {
  it('binomial standard error is 4·√(p(1−p)/S)', () => {
    expect(binomialStandardError(785_398, 1_000_000)).toBeCloseTo(4 * Math.sqrt((0.785398 * 0.214602) / 1e6), 12);
  });

  it('group standard error is the sample sd over √I', () => {
    expect(groupStandardError([3, 3.2, 3.1, 3.3])).toBeCloseTo(Math.sqrt(0.016666666666666666 / 4), 12);
    expect(groupStandardError([3.14])).toBeNaN();
  });

  it('the 95% interval is ±1.96 SE', () => {
    const ci = confidenceInterval(3.14, 0.01);
    expect(ci.level).toBe(0.95);
    expect(ci.upper - ci.lower).toBeCloseTo(2 * Z_95 * 0.01, 12);
  });

  it('samplesForPrecision gives the S whose interval half-width is the precision', () => {
    for (const precision of [1e-2, 1e-3, 1e-5]) {
      const s = samplesForPrecision(precision);
      const p = Math.PI / 4;
      expect(Z_95 * 4 * Math.sqrt((p * (1 - p)) / s)).toBeLessThanOrEqual(precision);
      expect(Z_95 * 4 * Math.sqrt((p * (1 - p)) / (s - 1))).toBeGreaterThan(precision);
    }
    expect(() => samplesForPrecision(0)).toThrow(/precision: 0/);
    expect(() => samplesForPrecision(1e-9)).toThrow(/precision/);
  });

  it('makeResult: groups plans average group estimates and use their spread', () => {
    const r = makeResult({
      plan: groupsPlan(100, 4),
      generator: 'numba',
      seed: 1,
      backend: 'test',
      reproducible: true,
      inside: 79 + 80 + 76 + 81,
      samples: 400,
      seconds: 1,
      status: 'completed',
      groupCounts: [79, 80, 76, 81],
    });
    expect(r.pi).toBeCloseTo(((79 + 80 + 76 + 81) / 4) * (4 / 100), 12);
    expect(r.groupEstimates).toEqual([3.16, 3.2, 3.04, 3.24]);
    expect(r.standardError).toBeCloseTo(groupStandardError([3.16, 3.2, 3.04, 3.24]), 12);
    const s = makeResult({ ...r, plan: samplesPlan(400), backend: 'x', groupCounts: undefined as never });
    expect(s.standardError).toBeCloseTo(binomialStandardError(316, 400), 12);
  });
});
