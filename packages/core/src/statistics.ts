import { invalidArgument } from './piError.js';
import type { ConfidenceInterval } from './types.js';

/** The 97.5% quantile of the standard normal: a 95% two-sided interval is ±1.96 standard errors. */
export const Z_95 = 1.959963984540054;

/** Standard error of 4·inside/samples: 4·√(p(1−p)/S) with p = inside/S. */
export function binomialStandardError(inside: number, samples: number): number {
  if (samples <= 0) return Number.NaN;
  const p = inside / samples;
  return 4 * Math.sqrt((p * (1 - p)) / samples);
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

/** The 95% interval π̂ ± 1.96 · SE. */
export function confidenceInterval(pi: number, standardError: number): ConfidenceInterval {
  return { level: 0.95, lower: pi - Z_95 * standardError, upper: pi + Z_95 * standardError };
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
