import { binomialInterval, binomialStandardError, groupInterval, groupStandardError } from './statistics.js';
import type { GeneratorName, PiResult, Plan, RunStatus, Shard, StreamRange, UnseededSource } from './types.js';

/** What a backend counted; `makeResult` turns it into a PiResult with statistics. */
export interface RunCounts {
  readonly plan: Plan;
  readonly generator: GeneratorName | UnseededSource;
  readonly seed: number | null;
  readonly backend: string;
  readonly reproducible: boolean;
  /** Points inside, over the streams counted. */
  readonly inside: number;
  /** Points counted (complete blocks or groups only). */
  readonly samples: number;
  readonly seconds: number;
  readonly status: RunStatus;
  /** Groups plans: inside count of each completed group. */
  readonly groupCounts?: ArrayLike<number>;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
  /** The shard this run covered, if any. */
  readonly shard?: (Shard & StreamRange) | undefined;
}

/** Builds the result every estimator returns: π̂, its standard error and its 95% interval. */
export function makeResult(counts: RunCounts): PiResult {
  const { plan, inside, samples, seconds } = counts;
  const pi = samples > 0 ? (4 * inside) / samples : Number.NaN;
  let standardError = binomialStandardError(inside, samples);
  let ci = binomialInterval(inside, samples);
  let groups: Pick<PiResult, 'groupCounts' | 'groupEstimates'> = {};
  if (plan.kind === 'groups' && counts.groupCounts !== undefined) {
    const groupCounts = Array.from(counts.groupCounts);
    const groupEstimates = groupCounts.map((c) => (4 * c) / plan.pointsPerGroup);
    // The seed's evaluate_pi_st reports the mean of the I group estimates; its spread is the honest
    // standard error for a groups plan. With fewer than two groups, or groups that all agree (tiny N),
    // there is no spread to go by, so the pooled binomial error and interval stand.
    const spread = groupStandardError(groupEstimates);
    if (groupEstimates.length >= 2 && spread > 0) {
      standardError = spread;
      ci = groupInterval(pi, spread, groupEstimates.length);
    }
    groups = { groupCounts, groupEstimates };
  }
  return {
    pi,
    inside,
    samples,
    standardError,
    ci,
    seconds,
    samplesPerSecond: seconds > 0 ? samples / seconds : Number.POSITIVE_INFINITY,
    backend: counts.backend,
    generator: counts.generator,
    seed: counts.seed,
    plan,
    reproducible: counts.reproducible,
    status: counts.status,
    ...groups,
    ...(counts.shard === undefined ? {} : { shard: counts.shard }),
    ...(counts.details === undefined ? {} : { details: counts.details }),
  };
}
