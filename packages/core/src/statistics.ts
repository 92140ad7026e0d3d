import { invalidArgument } from './piError.js';
import type { ConfidenceInterval } from './types.js';

/** The 97.5% quantile of the standard normal: a 95% two-sided interval is ±1.96 standard errors. */
export const Z_95 = 1.959963984540054;

/** π̂ lives in [0, 4]: 4 · a fraction. Intervals are kept inside. */
const PI_RANGE = 4;

/**
 * Student's t 97.5% quantiles for 1…30 degrees of freedom (scipy.stats.t.ppf(0.975, df), to 6 digits).
 * Past 30 the Cornish–Fisher expansion in `t975` is within 1e-5 of the exact value.
 */
const T_975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369,
  2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831,
  2.048407, 2.04523, 2.042272,
];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (the 95% two-sided multiplier). */
export function t975(df: number): number {
  if (df <= T_975.length) return T_975[Math.max(1, Math.floor(df)) - 1]!;
  const z = Z_95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * The 95% Wilson score interval for p = inside/samples, mapped to π (× 4). Unlike p̂ ± 1.96·SE it is valid
 * at every sample count, never empty at p̂ = 0 or 1, and always inside [0, 4].
 */
export function binomialInterval(inside: number, samples: number): ConfidenceInterval {
  if (!(samples > 0)) return { level: 0.95, lower: Number.NaN, upper: Number.NaN };
  const z2 = Z_95 * Z_95;
  const p = inside / samples;
  const centre = (p + z2 / (2 * samples)) / (1 + z2 / samples);
  const half = (Z_95 / (1 + z2 / samples)) * Math.sqrt((p * (1 - p)) / samples + z2 / (4 * samples * samples));
  return {
    level: 0.95,
    lower: Math.max(0, PI_RANGE * (centre - half)),
    upper: Math.min(PI_RANGE, PI_RANGE * (centre + half)),
  };
}

/**
 * Standard error of 4·inside/samples: 4·√(p(1−p)/S) with p = inside/S. Where that is 0 (every point in,
 * or none) it would claim certainty from a handful of points; the Wilson interval's half-width / 1.96 is
 * given instead, so a standard error is never 0.
 */
export function binomialStandardError(inside: number, samples: number): number {
  if (!(samples > 0)) return Number.NaN;
  const p = inside / samples;
  const plugIn = 4 * Math.sqrt((p * (1 - p)) / samples);
  if (plugIn > 0) return plugIn;
  const { lower, upper } = binomialInterval(inside, samples);
  return (upper - lower) / (2 * Z_95);
}

/** Standard error of the mean of group estimates: sample standard deviation / √I. */
export function groupStandardError(estimates: ArrayLike<number>): number {
  const n = estimates.length;
  if (n < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += estimates[i]!;
  mean /= n;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) sumSquares += (estimates[i]! - mean) ** 2;
  return Math.sqrt(sumSquares / (n - 1) / n);
}

/** The 95% interval π̂ ± 1.96 · SE, kept in [0, 4]. */
export function confidenceInterval(pi: number, standardError: number): ConfidenceInterval {
  return groupInterval(pi, standardError, Number.POSITIVE_INFINITY);
}

/**
 * The 95% interval of a mean of I group estimates: π̂ ± t(I−1) · SE (Student's t, as the spread is itself
 * estimated from I values), kept in [0, 4].
 */
export function groupInterval(pi: number, standardError: number, groups: number): ConfidenceInterval {
  const multiplier = Number.isFinite(groups) ? t975(groups - 1) : Z_95;
  return {
    level: 0.95,
    lower: Math.max(0, pi - multiplier * standardError),
    upper: Math.min(PI_RANGE, pi + multiplier * standardError),
  };
}

/**
 * Samples needed for a 95% half-width of `precision`: S = ⌈(1.96 · 4 · √(p(1−p)) / precision)²⌉ with
 * p = π/4, the value the estimate converges to.
 *
 * @example
 * ```ts
 * import { samplesForPrecision } from '@pi/core';
 *
 * samplesForPrecision(1e-3); // about ten million points for ±0.001
 * ```
 */
export function samplesForPrecision(precision: number): number {
  if (typeof precision !== 'number' || !(precision > 0) || !Number.isFinite(precision)) {
    throw invalidArgument('precision', precision, 'a positive number, e.g. 1e-4');
  }
  const p = Math.PI / 4;
  const samples = Math.ceil(((Z_95 * 4 * Math.sqrt(p * (1 - p))) / precision) ** 2);
  if (samples >= 2 ** 53) {
    throw invalidArgument('precision', precision, `a precision that needs fewer than 2^53 samples (3.4e-8 or more)`);
  }
  return Math.max(1, samples);
}
