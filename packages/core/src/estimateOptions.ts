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

/** The keys of `EstimateOptions`; anything else is a misspelling, refused rather than ignored. */
export const ESTIMATE_OPTION_KEYS: readonly string[] = [
  'samples',
  'groups',
  'precision',
  'generator',
  'seed',
  'signal',
  'onProgress',
  'shard',
];

/**
 * Checks that `options` is a plain object whose keys are all known (`known`, the estimate options by
 * default): `{ sampels: 5 }` is an INVALID_ARGUMENT naming the key and the closest known one, never a
 * silent default run.
 */
export function checkOptionKeys(options: unknown, known: readonly string[] = ESTIMATE_OPTION_KEYS): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidArgument('options', options, `an object such as { samples: 1e6, seed: 1 } (keys: ${known.join(', ')})`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw invalidArgument('options', key, `one of the keys ${known.join(', ')}`);
  }
  return options as Record<string, unknown>;
}

/**
 * Validates options once, at the boundary: a plain object with known keys only, exactly one of samples,
 * groups or precision (samples 1,000,000 when none is given), a known generator, a seed in range. `null`
 * is a value, checked like any other, never taken for "the default". Hot loops check nothing.
 */
export function resolveEstimateOptions(options: EstimateOptions = {}): ResolvedEstimateOptions {
  checkOptionKeys(options);
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
    plan = samplesPlan(options.samples === undefined ? 1_000_000 : options.samples);
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw invalidArgument('signal', options.signal, 'an AbortSignal');
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw invalidArgument('onProgress', options.onProgress, 'a function');
  }
  return {
    plan,
    generator: checkGenerator(options.generator === undefined ? 'xoshiro128p' : options.generator),
    seed: checkSeed(options.seed === undefined ? 0 : options.seed),
    signal: options.signal,
    onProgress: options.onProgress,
    shard: options.shard === undefined ? undefined : checkShard('shard', options.shard),
  };
}
