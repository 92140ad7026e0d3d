import { invalidArgument } from './piError.js';
import type { GroupsPlan, Plan, SamplesPlan, Shard, StreamRange } from './types.js';

/** Points per block in `samples` plans: block k draws from stream k. */
export const BLOCK_SIZE = 65_536;

/** The largest sample count (exclusive): counts stay exact integers in a double. */
export const MAX_SAMPLES = 2 ** 53;

const COUNT_RULE = 'an integer in [1, 2^53)';

/** Checks a count of points or groups: an integer in [1, 2^53). */
export function checkCount(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value >= MAX_SAMPLES) {
    throw invalidArgument(option, value, COUNT_RULE);
  }
  return value;
}

/** A plan of S points in blocks of 65,536. */
export function samplesPlan(samples: number): SamplesPlan {
  return { kind: 'samples', samples: checkCount('samples', samples), blockSize: BLOCK_SIZE };
}

/** The seed's N × I: `groups` groups of `pointsPerGroup` points, group i on stream i. */
export function groupsPlan(pointsPerGroup: number, groups: number): GroupsPlan {
  checkCount('groups (points per group)', pointsPerGroup);
  checkCount('groups (number of groups)', groups);
  if (pointsPerGroup * groups >= MAX_SAMPLES) {
    throw invalidArgument('groups', `${pointsPerGroup}x${groups}`, `N × I below 2^53`);
  }
  return { kind: 'groups', pointsPerGroup, groups };
}

/** Total points a plan draws. */
export function planSamples(plan: Plan): number {
  return plan.kind === 'samples' ? plan.samples : plan.pointsPerGroup * plan.groups;
}

/** Number of streams (blocks or groups) in a plan. */
export function streamCount(plan: Plan): number {
  return plan.kind === 'samples' ? Math.ceil(plan.samples / plan.blockSize) : plan.groups;
}

/** Points stream k draws. */
export function streamPoints(plan: Plan, stream: number): number {
  if (plan.kind === 'groups') return plan.pointsPerGroup;
  const start = stream * plan.blockSize;
  return Math.min(plan.blockSize, plan.samples - start);
}

/** Points drawn by streams [first, first + count). */
export function rangePoints(plan: Plan, first: number, count: number): number {
  if (plan.kind === 'groups') return plan.pointsPerGroup * count;
  const start = first * plan.blockSize;
  return Math.max(0, Math.min(plan.samples, (first + count) * plan.blockSize) - start);
}

/** A short human form: `1,000,000 samples` or `500 × 64 groups`. */
export function describePlan(plan: Plan): string {
  return plan.kind === 'samples'
    ? `${plan.samples.toLocaleString('en-US')} samples`
    : `${plan.pointsPerGroup.toLocaleString('en-US')} × ${plan.groups.toLocaleString('en-US')} groups`;
}

/** Checks a shard: integers with 0 ≤ index < count. */
export function checkShard(option: string, shard: unknown): Shard {
  const s = shard as Shard;
  const ok =
    typeof s === 'object' &&
    s !== null &&
    Number.isInteger(s.count) &&
    s.count >= 1 &&
    s.count < MAX_SAMPLES &&
    Number.isInteger(s.index) &&
    s.index >= 0 &&
    s.index < s.count;
  if (!ok) throw invalidArgument(option, shard, '{ index, count } with integers 0 ≤ index < count');
  return { index: s.index, count: s.count };
}

/**
 * The streams a run covers: all of them, or shard K of N's contiguous share
 * [⌊S·K/N⌋, ⌊S·(K+1)/N⌋) of the plan's S streams. Shards cover every stream exactly once, so their
 * counts add up to the whole plan's, bit for bit. A shard may be empty when N exceeds S.
 */
export function shardStreams(plan: Plan, shard?: Shard): StreamRange {
  const total = streamCount(plan);
  if (shard === undefined) return { firstStream: 0, streams: total };
  const at = (k: number) => Number((BigInt(total) * BigInt(k)) / BigInt(shard.count));
  const first = at(shard.index);
  return { firstStream: first, streams: at(shard.index + 1) - first };
}
