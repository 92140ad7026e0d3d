import { describePlan, resultChecksum, runIdentity, type PiResult } from '@pi/core';
import type { Style } from './_style.js';
import { twoColumns } from './_wrap.js';

/** Version of the JSON that `--json` prints; bumped when a field changes meaning or goes away. */
export const SCHEMA_VERSION = 1;

/** `1.23 G`, `456 M`, `7.8 k`: a rate or count with an SI prefix. */
export function si(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const units = ['', 'k', 'M', 'G', 'T', 'P'];
  let i = 0;
  let v = value;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(digits))}${units[i] ? ` ${units[i]}` : ''}`;
}

/** Seconds as `812 ms`, `3.41 s`, `2 min 5 s`. */
export function duration(seconds: number): string {
  if (seconds < 1) return `${Number((seconds * 1000).toPrecision(3))} ms`;
  if (seconds < 120) return `${Number(seconds.toPrecision(3))} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Past this many groups, printed results summarise them (count, min, max, mean) instead of listing them. */
export const GROUPS_INLINE_LIMIT = 10_000;

/** Count, least, greatest and mean of the group estimates. */
export function groupSummary(estimates: readonly number[]): { count: number; min: number; max: number; mean: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const e of estimates) {
    if (e < min) min = e;
    if (e > max) max = e;
    sum += e;
  }
  return { count: estimates.length, min, max, mean: estimates.length > 0 ? sum / estimates.length : Number.NaN };
}

/**
 * A result as the JSON object `--json` prints (`for: 'print'`) or a file holds (`for: 'file'`). Every one
 * carries `checksum` over its counts, which `pi merge` and `--resume` check; a shard's partial also
 * carries `runId`, the fingerprint of its generator, seed and plan. Past GROUPS_INLINE_LIMIT groups a
 * printed result gives `groupSummary` instead of the lists (`--groups-out` writes them), and a file keeps
 * `groupCounts` (merge and resume need them) but not the estimates they imply.
 */
export function resultJson(result: PiResult, target: { for: 'print' | 'file' } = { for: 'file' }): Record<string, unknown> {
  const run = result.shard === undefined ? {} : { runId: runIdentity(result) };
  const json: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    ...run,
    ...result,
    error: result.pi - Math.PI,
    checksum: resultChecksum(result),
  };
  const groups = result.groupEstimates;
  if (groups !== undefined && groups.length > GROUPS_INLINE_LIMIT) {
    delete json['groupEstimates'];
    if (target.for === 'print') {
      delete json['groupCounts'];
      json['groupSummary'] = groupSummary(groups);
    }
  }
  return json;
}

/** A result for people, `width` columns wide: π̂, its error against π, the 95% interval, the rate and the backend. */
export function formatResult(result: PiResult, style: Style, width = 80): string {
  const error = result.pi - Math.PI;
  const sigmas = error / result.standardError;
  const digits = Math.max(6, Math.min(15, Math.ceil(-Math.log10(result.standardError || 1e-15)) + 2));
  const counted = result.samples > 0;
  // Nothing counted (an empty shard, a stop before the first block): no estimate, no error, no interval.
  const estimate: [string, string][] = [
    [
      'error',
      `${error >= 0 ? '+' : '−'}${Math.abs(error).toExponential(2)}` +
        (Number.isFinite(sigmas) ? style.dim(` (${Math.abs(sigmas).toFixed(2)} standard errors)`) : ''),
    ],
    [
      '95% interval',
      `[${result.ci.lower.toFixed(digits)}, ${result.ci.upper.toFixed(digits)}]` +
        (result.ci.lower <= Math.PI && Math.PI <= result.ci.upper ? style.green(' covers π') : style.yellow(' misses π')),
    ],
  ];
  const rows: [string, string][] = [
    ['π̂', counted ? style.bold(result.pi.toFixed(digits)) : style.yellow('none: no samples counted')],
    ...(counted ? estimate : []),
    ['samples', `${result.samples.toLocaleString('en-US')} inside ${result.inside.toLocaleString('en-US')}`],
    ['time', `${duration(result.seconds)}, ${si(result.samplesPerSecond)} samples/s`],
    [
      'backend',
      `${result.backend}, ${result.generator}${result.seed === null ? '' : ` seed ${result.seed}`}, ${describePlan(result.plan)}, ` +
        (result.reproducible ? 'reproducible' : style.yellow('not reproducible')),
    ],
  ];
  if (result.shard !== undefined) {
    const { index, count, firstStream, streams } = result.shard;
    rows.push([
      'shard',
      `${index}/${count}: ${streams === 0 ? 'no streams (more shards than the plan has)' : `streams ${firstStream}–${firstStream + streams - 1} of the plan`} ` +
        style.dim('(a partial: combine every shard with pi merge)'),
    ]);
  }
  if (result.groupEstimates !== undefined && result.groupEstimates.length > 1) {
    const { count, min, max } = groupSummary(result.groupEstimates);
    rows.push(['groups', `${count.toLocaleString('en-US')} estimates from ${min} to ${max}`]);
  }
  for (const [key, value] of Object.entries(result.details ?? {})) rows.push([key, String(value)]);
  if (result.status === 'aborted') rows.unshift(['status', style.yellow('aborted: partial result of the complete blocks')]);
  return `${twoColumns(
    rows.map(([k, v]) => [style.dim(k), v] as const),
    width,
  ).join('\n')}\n`;
}
