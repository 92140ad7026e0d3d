import { GENERATORS, checkSeed } from './estimateOptions.js';
import { PiError, describeValue } from './piError.js';
import { BLOCK_SIZE, checkShard, describePlan, groupsPlan, rangePoints, samplesPlan, shardStreams } from './plan.js';
import { Fnv1a64 } from './_fnv1a64.js';
import { makeResult } from './result.js';
import type { GeneratorName, PiResult, Plan, Shard, StreamRange, UnseededSource } from './types.js';

/** What fixes a run's count: generator, seed and plan. Shards of one run share it. */
export interface RunKey {
  readonly generator: GeneratorName | UnseededSource;
  readonly seed: number | null;
  readonly plan: Plan;
}

function planKey(plan: Plan): string {
  return plan.kind === 'samples' ? `samples:${plan.samples}:${plan.blockSize}` : `groups:${plan.pointsPerGroup}x${plan.groups}`;
}

export function runKeyText(run: RunKey): string {
  return `pi-run/1 ${run.generator} ${run.seed ?? 'none'} ${planKey(run.plan)}`;
}

/**
 * A fingerprint of a run (generator, seed, plan) as 16 hex digits: FNV-1a 64 of
 * `pi-run/1 <generator> <seed> <plan>`. Shard partials carry it so `mergeShardResults` and people
 * (`jq .runId`) can tell partials of different runs apart. It catches mistakes, not forgeries.
 */
export function runIdentity(run: RunKey): string {
  return new Fnv1a64().update(runKeyText(run)).hex();
}

/** The counted fields of a result, as `resultChecksum` reads them. */
export interface CountedFields extends RunKey {
  readonly status: string;
  readonly inside: number;
  readonly samples: number;
  readonly shard?: Shard | undefined;
  readonly groupCounts?: ArrayLike<number> | undefined;
}

/**
 * A checksum over what a result counted (run, shard, status, inside, samples, group counts) as 16 hex
 * digits (FNV-1a 64). Written files carry it; `pi merge` and `--resume` refuse a file whose counts were
 * edited by hand or damaged. Like `runIdentity` it catches mistakes, not forgeries.
 */
export function resultChecksum(result: CountedFields): string {
  const shard = result.shard === undefined ? 'none' : `${result.shard.index}/${result.shard.count}`;
  const hash = new Fnv1a64().update(`pi-result/1 ${runKeyText(result)} ${shard} ${result.status} ${result.inside} ${result.samples}`);
  const counts = result.groupCounts;
  if (counts !== undefined) for (let i = 0; i < counts.length; i++) hash.update(`,${counts[i]}`);
  return hash.hex();
}

/** Options of `mergeShardResults`. */
export interface MergeShardOptions {
  /** How to name each result in error messages (file names), in the order of `results`. */
  readonly labels?: readonly string[];
  /** How a result becomes a shard partial, in the caller's words, for the message when one is not. */
  readonly howToShard?: string;
}

/** A partial after validation: the fields the merge reads. */
interface Partial extends RunKey {
  readonly label: string;
  readonly shard: Shard & StreamRange;
  readonly inside: number;
  readonly samples: number;
  readonly seconds: number;
  readonly backend: string;
  readonly reproducible: boolean;
  readonly groupCounts: readonly number[] | undefined;
}

function bad(label: string, message: string): PiError {
  return new PiError('INVALID_ARGUMENT', `${label}: ${message}`, { option: label });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function checkPlan(label: string, value: unknown): Plan {
  try {
    if (isRecord(value) && value['kind'] === 'samples' && value['blockSize'] === BLOCK_SIZE) {
      return samplesPlan(value['samples'] as number);
    }
    if (isRecord(value) && value['kind'] === 'groups') {
      return groupsPlan(value['pointsPerGroup'] as number, value['groups'] as number);
    }
  } catch {
    // fall through to the message below, which names the partial
  }
  throw bad(label, `plan ${describeValue(value)} is not a samples plan (blocks of ${BLOCK_SIZE}) or a groups plan`);
}

const SOURCES: readonly string[] = [...GENERATORS, 'Math.random', 'tf.randomUniform'];

/** What a result file is read for: merging (completed shards only) or resuming (any prefix, sharded or not). */
export type ReadPurpose = 'merge' | 'resume';

/** A checked result from outside: the merge's fields, and how many of its streams it counted. */
export interface CheckedPartial extends Partial {
  /** Streams counted, from the shard's first: all of them for a completed result. */
  readonly streamsDone: number;
  readonly status: 'completed' | 'aborted';
}

/**
 * Checks one result from outside (a file): every field the merge or a resume reads, that its counts fit
 * its shard's streams (a prefix of them when aborted and resuming), and its checksum when it has one.
 */
export function checkPartial(
  label: string,
  value: unknown,
  purpose: ReadPurpose = 'merge',
  howToShard = 'run each shard with the `shard` option',
): CheckedPartial {
  if (!isRecord(value)) throw bad(label, `${describeValue(value)} is not a pi result object`);
  if (value['shard'] === undefined && purpose === 'merge') {
    throw bad(label, `is not a shard partial (it has no "shard"); ${howToShard}`);
  }
  const status = value['status'];
  if (status === 'aborted' && purpose === 'merge') {
    const s = value['shard'] as Partial['shard'];
    throw bad(
      label,
      `shard ${s.index}/${s.count} was aborted before it finished; resume it from this file (its counts are a prefix of its streams) or run that shard again`,
    );
  }
  if (status !== 'completed' && status !== 'aborted') throw bad(label, `status ${describeValue(status)} is not "completed" or "aborted"`);
  const plan = checkPlan(label, value['plan']);
  const generator = value['generator'];
  if (typeof generator !== 'string' || !SOURCES.includes(generator)) {
    throw bad(label, `generator ${describeValue(generator)} is not one of ${SOURCES.join(', ')}`);
  }
  let seed: number | null = null;
  if (value['seed'] !== null) {
    try {
      seed = checkSeed(value['seed']);
    } catch {
      throw bad(label, `seed ${describeValue(value['seed'])} is not an integer in [0, 2^53) or null`);
    }
  }
  const rawShard = value['shard'];
  let shard: Shard | undefined;
  let range: StreamRange;
  if (rawShard === undefined) {
    range = shardStreams(plan);
  } else {
    try {
      shard = checkShard('shard', rawShard);
    } catch {
      throw bad(label, `shard ${describeValue(rawShard)} is not { index, count } with 0 ≤ index < count`);
    }
    range = shardStreams(plan, shard);
    const given = rawShard as Record<string, unknown>;
    if (given['firstStream'] !== range.firstStream || given['streams'] !== range.streams) {
      throw bad(
        label,
        `shard ${shard.index}/${shard.count} claims streams ${describeValue(given['firstStream'])}+${describeValue(given['streams'])}, ` +
          `but that shard of ${describePlan(plan)} is streams ${range.firstStream}+${range.streams}`,
      );
    }
  }
  const where = shard === undefined ? describePlan(plan) : `shard ${shard.index}/${shard.count}`;
  const { inside, samples } = value;
  const expectedSamples = rangePoints(plan, range.firstStream, range.streams);
  // Streams counted: every stream of the range but the plan's last holds a full block (or group), so the
  // count of points fixes how many streams from the first were counted.
  const perStream = plan.kind === 'groups' ? plan.pointsPerGroup : plan.blockSize;
  const streamsDone = isCount(samples) ? Math.ceil(samples / perStream) : -1;
  if (status === 'completed' && samples !== expectedSamples) {
    throw bad(label, `samples ${describeValue(samples)} is not the ${expectedSamples} points of ${where}`);
  }
  if (streamsDone < 0 || streamsDone > range.streams || rangePoints(plan, range.firstStream, streamsDone) !== samples) {
    throw bad(label, `samples ${describeValue(samples)} is not the points of whole streams of ${where} (0 to ${expectedSamples})`);
  }
  if (!isCount(inside) || inside > samples) {
    throw bad(label, `inside ${describeValue(inside)} is not an integer in [0, ${samples}]`);
  }
  let groupCounts: number[] | undefined;
  if (plan.kind === 'groups') {
    const counts = value['groupCounts'];
    const ok =
      Array.isArray(counts) &&
      counts.length === streamsDone &&
      counts.every((c) => isCount(c) && c <= plan.pointsPerGroup) &&
      counts.reduce((a: number, c: number) => a + c, 0) === inside;
    if (!ok) throw bad(label, `groupCounts must list the ${streamsDone} group counts of ${where}, summing to inside ${inside}`);
    groupCounts = counts as number[];
  }
  const run: RunKey = { generator: generator as RunKey['generator'], seed, plan };
  if (value['runId'] !== undefined && value['runId'] !== runIdentity(run)) {
    throw bad(
      label,
      `runId ${describeValue(value['runId'])} does not match its generator, seed and plan (${runIdentity(run)}); the file was edited or damaged`,
    );
  }
  const checksum = value['checksum'];
  if (checksum !== undefined || purpose === 'resume') {
    const expected = resultChecksum({ ...run, status, inside, samples, shard, groupCounts });
    if (checksum !== expected) {
      throw bad(
        label,
        checksum === undefined
          ? 'has no checksum; only files written by `pi estimate --out` or `--checkpoint` can be resumed'
          : `checksum ${describeValue(checksum)} does not match its counts (inside ${inside}, samples ${samples}); the file was edited or damaged`,
      );
    }
  }
  const seconds = typeof value['seconds'] === 'number' && value['seconds'] >= 0 ? value['seconds'] : 0;
  const backend = typeof value['backend'] === 'string' ? value['backend'] : 'unknown';
  return {
    ...run,
    label,
    shard: { ...(shard ?? { index: 0, count: 1 }), ...range },
    inside,
    samples,
    seconds,
    backend,
    reproducible: value['reproducible'] === true,
    groupCounts,
    streamsDone,
    status,
  };
}

function describeRun(p: Partial): string {
  return `${p.generator}${p.seed === null ? '' : ` seed ${p.seed}`}, ${describePlan(p.plan)}, ${p.shard.count} shards`;
}

/** Lists shard numbers as `2, 5, 7` (at most ten, then how many more). */
function listShards(indices: readonly number[], count: number): string {
  const shown = indices.slice(0, 10).map((i) => `${i}/${count}`);
  return indices.length > 10 ? `${shown.join(', ')} and ${indices.length - 10} more` : shown.join(', ');
}

/**
 * Merges the partial results of one sharded run into the whole run's result, bit for bit what one
 * process would have counted. Pure: the CLI's `pi merge` reads the files and calls this.
 *
 * Every input is checked as untrusted (it usually comes from a file): it must be a completed shard
 * partial whose streams and sample count are its shard's, and all must share generator, seed, plan and
 * shard count (a foreign partial is named). Together they must cover every shard exactly once: a
 * missing or duplicate shard is an error naming it, so nothing is counted twice or left out. Groups
 * plans get their group counts concatenated in stream order. `seconds` is the slowest shard's (the wall
 * time when shards run side by side); `details.shards` and `details.shardSeconds` (the sum) say more.
 * Errors are PiError INVALID_ARGUMENT.
 *
 * @example
 * ```ts
 * import { mergeShardResults, resolveEstimateOptions } from '@pi/core';
 * import { loop } from '@pi/cpu';
 *
 * const shards = [0, 1, 2].map((index) => ({ index, count: 3 }));
 * const parts = await Promise.all(
 *   shards.map((shard) =>
 *     loop.run(resolveEstimateOptions({ samples: 1e8, seed: 1, shard })),
 *   ),
 * );
 * const whole = mergeShardResults(parts); // as one run of 1e8 points
 * ```
 */
export function mergeShardResults(results: readonly PiResult[], options: MergeShardOptions = {}): PiResult {
  const labels = options.labels ?? [];
  if (results.length === 0) throw new PiError('INVALID_ARGUMENT', 'no partial results to merge; expected one per shard', {});
  const howToShard = options.howToShard ?? 'run each shard with the `shard` option';
  const partials = results.map((r, i) => checkPartial(labels[i] ?? `result ${i}`, r, 'merge', howToShard));
  const first = partials[0]!;
  // Compared as text, not by fingerprint, so no collision can let a foreign partial through.
  const firstKey = runKeyText(first);
  for (const p of partials.slice(1)) {
    if (runKeyText(p) !== firstKey || p.shard.count !== first.shard.count) {
      throw bad(p.label, `belongs to another run (${describeRun(p)}) than ${first.label} (${describeRun(first)})`);
    }
  }
  const count = first.shard.count;
  const byIndex = new Map<number, Partial>();
  for (const p of partials) {
    const other = byIndex.get(p.shard.index);
    if (other !== undefined) {
      throw new PiError('INVALID_ARGUMENT', `shard ${p.shard.index}/${count} is given twice: ${other.label} and ${p.label}`, {
        option: p.label,
      });
    }
    byIndex.set(p.shard.index, p);
  }
  const missing: number[] = [];
  for (let k = 0; k < count; k++) if (!byIndex.has(k)) missing.push(k);
  if (missing.length > 0) {
    throw new PiError(
      'INVALID_ARGUMENT',
      `shard${missing.length > 1 ? 's' : ''} ${listShards(missing, count)} of ${describeRun(first)} ` +
        `${missing.length > 1 ? 'are' : 'is'} missing (${byIndex.size} of ${count} given)`,
      {},
    );
  }
  const ordered = Array.from({ length: count }, (_, k) => byIndex.get(k)!);
  const backends = [...new Set(ordered.map((p) => p.backend))];
  return makeResult({
    plan: first.plan,
    generator: first.generator,
    seed: first.seed,
    backend: backends.join('+'),
    reproducible: ordered.every((p) => p.reproducible),
    inside: ordered.reduce((a, p) => a + p.inside, 0),
    samples: ordered.reduce((a, p) => a + p.samples, 0),
    seconds: Math.max(...ordered.map((p) => p.seconds)),
    status: 'completed',
    ...(first.plan.kind === 'groups' ? { groupCounts: ordered.flatMap((p) => p.groupCounts ?? []) } : {}),
    // Rounded to the microsecond: a sum of float seconds otherwise prints as 0.027153611000000001.
    details: { shards: count, shardSeconds: Math.round(ordered.reduce((a, p) => a + p.seconds, 0) * 1e6) / 1e6 },
  });
}
