import { describe, expect, it } from 'vitest';
import { makeResult } from './result.js';
import {
  binomialInterval,
  binomialStandardError,
  confidenceInterval,
  groupStandardError,
  samplesForPrecision,
  t975,
  Z_95,
} from './statistics.js';
import { insideXoshiro } from './insideRule.js';
import { xoshiro128p } from './xoshiro128p.js';
import { samplesPlan, groupsPlan } from './plan.js';

/** Counts of a groups plan of 4 × 100 points. */
const FOUR_GROUPS = {
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
} as const;

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
    const r = makeResult(FOUR_GROUPS);
    expect(r.pi).toBeCloseTo(((79 + 80 + 76 + 81) / 4) * (4 / 100), 12);
    expect(r.groupEstimates).toEqual([3.16, 3.2, 3.04, 3.24]);
    expect(r.standardError).toBeCloseTo(groupStandardError([3.16, 3.2, 3.04, 3.24]), 12);
    const s = makeResult({ ...r, plan: samplesPlan(400), backend: 'x', groupCounts: undefined as never });
    expect(s.standardError).toBeCloseTo(binomialStandardError(316, 400), 12);
  });

  it('the Wilson interval is valid at every n: never empty, inside [0, 4], and covers π at n = 1, 2, 3', () => {
    for (const [inside, samples] of [
      [1, 1],
      [0, 1],
      [2, 2],
      [1, 2],
      [3, 3],
      [2, 3],
    ] as const) {
      const ci = binomialInterval(inside, samples);
      expect(ci.lower).toBeGreaterThanOrEqual(0);
      expect(ci.upper).toBeLessThanOrEqual(4);
      expect(ci.upper - ci.lower).toBeGreaterThan(1);
      expect(binomialStandardError(inside, samples)).toBeGreaterThan(0);
    }
    expect(binomialInterval(1, 1).upper).toBe(4);
    expect(binomialInterval(1, 1).lower).toBeLessThan(Math.PI);
    // Wilson for 1 of 1: centre (1 + z²/2)/(1 + z²), half-width z·(z/2)/(1 + z²).
    const z2 = Z_95 ** 2;
    expect(binomialInterval(1, 1).lower).toBeCloseTo(4 * ((1 + z2 / 2 - Z_95 * Math.sqrt(z2 / 4)) / (1 + z2)), 12);
    // Large n: the same as π̂ ± 1.96·SE to 4 digits.
    const wide = binomialInterval(785_398, 1_000_000);
    const normal = confidenceInterval(3.141592, binomialStandardError(785_398, 1_000_000));
    expect(wide.lower).toBeCloseTo(normal.lower, 5);
    expect(wide.upper).toBeCloseTo(normal.upper, 5);
    expect(confidenceInterval(3.9, 1)).toMatchObject({ lower: 3.9 - Z_95, upper: 4 });
  });

  it("Student's t quantiles: the table and the expansion past it", () => {
    expect(t975(1)).toBeCloseTo(12.706205, 6);
    expect(t975(30)).toBeCloseTo(2.042272, 6);
    expect(t975(31)).toBeCloseTo(2.039513, 5);
    expect(t975(1000)).toBeCloseTo(1.962339, 6);
  });

  it('over 200 seeds the Wilson interval covers π 90–99% of the time at small n (n = 10, 40)', () => {
    for (const n of [10, 40]) {
      let covered = 0;
      for (let seed = 0; seed < 200; seed++) {
        const g = xoshiro128p(seed);
        let inside = 0;
        for (let i = 0; i < n; i++) if (insideXoshiro(g.next(), g.next())) inside++;
        const ci = binomialInterval(inside, n);
        if (ci.lower <= Math.PI && Math.PI <= ci.upper) covered++;
      }
      expect(covered / 200).toBeGreaterThanOrEqual(0.9);
      expect(covered / 200).toBeLessThanOrEqual(0.99);
    }
  });

  it('groups: two groups that agree fall back to the pooled binomial (never a standard error of 0)', () => {
    // The same counts as the test above, in a plan too small for a spread.
    const r = makeResult({ ...FOUR_GROUPS, plan: groupsPlan(2, 2), inside: 4, samples: 4, groupCounts: [2, 2] });
    expect(r.standardError).toBeGreaterThan(0);
    expect(r.ci).toEqual(binomialInterval(4, 4));
    const one = makeResult({ ...r, plan: groupsPlan(100, 1), inside: 80, samples: 100, groupCounts: [80] });
    expect(one.ci).toEqual(binomialInterval(80, 100));
    const spread = makeResult({ ...r, plan: groupsPlan(100, 3), inside: 230, samples: 300, groupCounts: [70, 80, 80] });
    expect(spread.ci.upper - spread.ci.lower).toBeCloseTo(2 * t975(2) * spread.standardError, 12);
  });
});
