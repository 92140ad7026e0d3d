import { binomialInterval, binomialStandardError } from './statistics.js';
import type { ConfidenceInterval } from './types.js';

/** One point of a convergence curve: the estimate after the first `samples` points of a plan. */
export interface ConvergencePoint {
  /** Points counted so far. */
  readonly samples: number;
  /** Of those, inside the circle. */
  readonly inside: number;
  /** 4 · inside / samples. */
  readonly pi: number;
  /** Binomial standard error of `pi`. */
  readonly standardError: number;
  /** 95% interval (Wilson score, valid at every sample count). */
  readonly ci: ConfidenceInterval;
}

/**
 * The estimate, its standard error and 95% interval after `samples` points with `inside` inside: one
 * point of a convergence curve, computed the same way by `pi plot` and the docs demo.
 */
export function convergencePoint(inside: number, samples: number): ConvergencePoint {
  const pi = (4 * inside) / samples;
  const standardError = binomialStandardError(inside, samples);
  return { samples, inside, pi, standardError, ci: binomialInterval(inside, samples) };
}
