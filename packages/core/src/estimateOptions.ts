import { invalidArgument } from './piError.js';
import { checkCount, checkShard, groupsPlan, samplesPlan } from './plan.js';
import { samplesForPrecision } from './statistics.js';
import type { EstimateOptions, GeneratorName, ResolvedEstimateOptions } from './types.js';

/** The generators of the contract, in the order help texts list them. */
export const GENERATORS: readonly GeneratorName[] = ['xoshiro128p', 'numba'];

/** Checks a generator name. */
export function checkGenerator(value: unknown): GeneratorName {
  if (typeof value !== 'string' || !(GENERATORS as readonly string[]).includes(value)) {
    throw invalidArgument('generator', value, GENERATORS.join(' or '));
  }
  return value as GeneratorName;
}

/** Checks a seed: an integer in [0, 2^53). */
export function checkSeed(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= 2 ** 53) {
    throw invalidArgument('seed', value, 'an integer in [0, 2^53)');
  }
  return value;
}

/**
 * Validates options once, at the boundary: exactly one of samples, groups or precision (samples
 * 1,000,000 when none is given), a known generator, a seed in range. Hot loops check nothing.
 * Estimators' `run` takes what this returns.
 *
 * @example
 * ```ts
 * import { resolveEstimateOptions } from '@pi/core';
 * import { simd } from '@pi/cpu';
 *
 * const options = resolveEstimateOptions({ precision: 1e-4, seed: 3 });
 * console.log(options.plan); // a samples plan sized for ±1e-4
 * const result = await simd.run(options);
 * // resolveEstimateOptions({ samples: -5 }) throws a PiError naming `samples`.
 * ```
 */
export function resolveEstimateOptions(options: EstimateOptions = {}): ResolvedEstimateOptions {
  const given = (['samples', 'groups', 'precision'] as const).filter((k) => options[k] !== undefined);
  if (given.length > 1) {
    throw invalidArgument(given.join(' and '), given.map((k) => options[k]).join(', '), 'only one of samples, groups or precision');
  }
  let plan;
  if (options.groups !== undefined) {
    const g = options.groups;
    if (typeof g !== 'object' || g === null) throw invalidArgument('groups', g, '{ pointsPerGroup, groups }');
    plan = groupsPlan(checkCount('groups.pointsPerGroup', g.pointsPerGroup), checkCount('groups.groups', g.groups));
  } else if (options.precision !== undefined) {
    plan = samplesPlan(samplesForPrecision(options.precision));
  } else {
    plan = samplesPlan(options.samples ?? 1_000_000);
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw invalidArgument('signal', options.signal, 'an AbortSignal');
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw invalidArgument('onProgress', options.onProgress, 'a function');
  }
  return {
    plan,
    generator: checkGenerator(options.generator ?? 'xoshiro128p'),
    seed: checkSeed(options.seed ?? 0),
    signal: options.signal,
    onProgress: options.onProgress,
    shard: options.shard === undefined ? undefined : checkShard('shard', options.shard),
  };
}
