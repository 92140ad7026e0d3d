import { describe, expect, it } from 'vitest';
import { insideXoshiro } from './insideRule.js';
import { mergeShardResults, resultChecksum, runIdentity } from './mergeShardResults.js';
import { resolveEstimateOptions } from './estimateOptions.js';
import { resumePointFrom } from './resumePoint.js';
import { groupsPlan, rangePoints, samplesPlan, shardStreams, streamPoints } from './plan.js';
import { makeResult } from './result.js';
import { streamState } from './streams.js';
import type { PiResult, Plan, Shard } from './types.js';
import { xoshiro128pFromState } from './xoshiro128p.js';

/** A plain reference count of one shard (or the whole plan), written from the contract and nothing else. */
function countShard(plan: Plan, seed: number, shard?: Shard): PiResult {
  const { firstStream, streams } = shardStreams(plan, shard);
  const groupCounts: number[] = [];
  let inside = 0;
  for (let k = firstStream; k < firstStream + streams; k++) {
    const g = xoshiro128pFromState(streamState('xoshiro128p', seed, k));
    let c = 0;
    for (let i = streamPoints(plan, k); i > 0; i--) if (insideXoshiro(g.next(), g.next())) c++;
    groupCounts.push(c);
    inside += c;
  }
  return makeResult({
    plan,
    generator: 'xoshiro128p',
    seed,
    backend: 'reference',
    reproducible: true,
    inside,
    samples: rangePoints(plan, firstStream, streams),
    seconds: 0.01,
    status: 'completed',
    ...(plan.kind === 'groups' ? { groupCounts } : {}),
    ...(shard === undefined ? {} : { shard: { ...shard, firstStream, streams } }),
  });
}

const shards = (plan: Plan, seed: number, count: number) =>
  Array.from({ length: count }, (_, index) => countShard(plan, seed, { index, count }));

/** What merge must reproduce exactly: everything but time, backend and details. */
const exact = (r: PiResult) => ({ ...r, seconds: 0, samplesPerSecond: 0, backend: '', details: undefined });

describe('mergeShardResults', () => {
  it.each([1, 3, 8])('the merge of %i shards equals the whole run bit for bit (odd sample count)', (count) => {
    const plan = samplesPlan(5 * 65_536 + 12_345);
    const whole = countShard(plan, 11);
    const merged = mergeShardResults(shards(plan, 11, count).reverse());
    expect(exact(merged)).toEqual(exact(whole));
    expect(merged.details).toMatchObject({ shards: count });
    expect(merged.shard).toBeUndefined();
  });

  it('groups plans concatenate group counts in stream order', () => {
    const plan = groupsPlan(1001, 7);
    const whole = countShard(plan, 3);
    const parts = shards(plan, 3, 3);
    const merged = mergeShardResults([parts[2]!, parts[0]!, parts[1]!]);
    expect(merged.groupCounts).toEqual(whole.groupCounts);
    expect(exact(merged)).toEqual(exact(whole));
  });

  it('empty shards (more shards than streams) merge too', () => {
    const plan = samplesPlan(70_001); // 2 streams, 5 shards: three are empty
    const parts = JSON.parse(JSON.stringify(shards(plan, 2, 5))) as PiResult[]; // NaN → null, as in files
    expect(parts.filter((p) => p.samples === 0)).toHaveLength(3);
    expect(exact(mergeShardResults(parts))).toEqual(exact(countShard(plan, 2)));
  });

  it('takes the slowest shard as the time, sums the rest into details', () => {
    const parts = shards(samplesPlan(200_000), 1, 2).map((p, i) => ({ ...p, seconds: i + 1, backend: i ? 'webgpu' : 'simd' }));
    const merged = mergeShardResults(parts);
    expect(merged.seconds).toBe(2);
    expect(merged.details).toEqual({ shards: 2, shardSeconds: 3 });
    expect(merged.backend).toBe('simd+webgpu');
  });

  const plan = samplesPlan(300_000);
  const three = () => shards(plan, 5, 3);
  const labels = ['a.json', 'b.json', 'c.json'];

  it('refuses a missing shard, naming it', () => {
    const [a, , c] = three();
    expect(() => mergeShardResults([a!, c!], { labels })).toThrow(
      /^shard 1\/3 of xoshiro128p seed 5, 300,000 samples, 3 shards is missing \(2 of 3 given\)$/,
    );
  });

  it('refuses a duplicate shard, naming both inputs', () => {
    const [a, b, c] = three();
    expect(() => mergeShardResults([a!, b!, c!, b!], { labels: [...labels, 'd.json'] })).toThrow(
      'shard 1/3 is given twice: b.json and d.json',
    );
  });

  it.each([
    ['seed', () => countShard(plan, 6, { index: 1, count: 3 }), /b\.json: belongs to another run \(xoshiro128p seed 6/],
    ['plan', () => countShard(samplesPlan(300_001), 5, { index: 1, count: 3 }), /b\.json: belongs to another run .*300,001 samples/],
    ['shard count', () => countShard(plan, 5, { index: 1, count: 4 }), /b\.json: belongs to another run .*4 shards\)/],
  ])('refuses a foreign partial (other %s)', (_, foreign, message) => {
    const [a, , c] = three();
    expect(() => mergeShardResults([a!, foreign(), c!], { labels })).toThrow(message);
  });

  it('refuses aborted shards, whole results, and counts that do not fit the shard', () => {
    const [a, b, c] = three();
    expect(() => mergeShardResults([a!, { ...b!, status: 'aborted' }, c!], { labels })).toThrow(
      'b.json: shard 1/3 was aborted before it finished; resume it from this file (its counts are a prefix of its streams) or run that shard again',
    );
    expect(() => mergeShardResults([countShard(plan, 5)], { labels })).toThrow(/a\.json: is not a shard partial/);
    expect(() => mergeShardResults([a!, { ...b!, samples: b!.samples + 1 }, c!], { labels })).toThrow(
      /b\.json: samples 131073 is not the 131072 points of shard 1\/3/,
    );
    expect(() => mergeShardResults([a!, { ...b!, inside: b!.samples + 1 }, c!], { labels })).toThrow(
      /b\.json: inside 131073 is not an integer in \[0, 131072\]/,
    );
    expect(() => mergeShardResults([a!, { ...b!, shard: { ...b!.shard!, firstStream: 0 } }, c!], { labels })).toThrow(
      /b\.json: shard 1\/3 claims streams 0\+/,
    );
    expect(() => mergeShardResults([a!, { ...b!, runId: '0000000000000000' } as PiResult, c!], { labels })).toThrow(
      /b\.json: runId "0000000000000000" does not match/,
    );
    expect(() => mergeShardResults([], { labels })).toThrow(/no partial results/);
    expect(() => mergeShardResults([42 as unknown as PiResult])).toThrow('result 0: 42 is not a pi result object');
  });

  it('refuses groups partials whose group counts do not add up', () => {
    const gp = groupsPlan(100, 4);
    const [a, b] = shards(gp, 1, 2);
    const broken = { ...b!, groupCounts: [...b!.groupCounts!.slice(1), 0] };
    expect(() => mergeShardResults([a!, broken], { labels })).toThrow(/b\.json: groupCounts must list the 2 group counts/);
  });
});

describe('runIdentity', () => {
  it('is 16 hex digits, the same for the same run and different for another seed, plan or generator', () => {
    const id = runIdentity({ generator: 'xoshiro128p', seed: 1, plan: samplesPlan(1e6) });
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(runIdentity({ generator: 'xoshiro128p', seed: 1, plan: samplesPlan(1e6) })).toBe(id);
    const others = [
      runIdentity({ generator: 'xoshiro128p', seed: 2, plan: samplesPlan(1e6) }),
      runIdentity({ generator: 'numba', seed: 1, plan: samplesPlan(1e6) }),
      runIdentity({ generator: 'xoshiro128p', seed: 1, plan: samplesPlan(1e6 + 1) }),
      runIdentity({ generator: 'xoshiro128p', seed: 1, plan: groupsPlan(1e6, 1) }),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });
});

/** A result as a file holds it: with its checksum. */
const withChecksum = (r: PiResult) => ({ ...r, checksum: resultChecksum(r) });

describe('checksums', () => {
  it('a partial whose inside or group count was edited is refused by name', () => {
    const plan = groupsPlan(1000, 6);
    const parts = shards(plan, 5, 3).map(withChecksum);
    expect(mergeShardResults(parts).inside).toBe(countShard(plan, 5).inside);
    const edited = {
      ...parts[1]!,
      inside: parts[1]!.inside + 1,
      groupCounts: [parts[1]!.groupCounts![0]! + 1, ...parts[1]!.groupCounts!.slice(1)],
    };
    expect(() => mergeShardResults([parts[0]!, edited, parts[2]!], { labels: ['a', 'b.json', 'c'] })).toThrow(
      /^b\.json: checksum "[0-9a-f]{16}" does not match its counts/,
    );
  });

  it('covers status, shard and every group count', () => {
    const [a] = shards(groupsPlan(100, 4), 1, 2);
    const base = resultChecksum(a!);
    expect(resultChecksum({ ...a!, status: 'aborted' })).not.toBe(base);
    expect(resultChecksum({ ...a!, shard: { ...a!.shard!, index: 1 } })).not.toBe(base);
    expect(resultChecksum({ ...a!, groupCounts: [...a!.groupCounts!].reverse() })).not.toBe(base);
  });
});

describe('resumePointFrom', () => {
  const plan = samplesPlan(5 * 65_536 + 17);
  const options = resolveEstimateOptions({ samples: plan.samples, seed: 9, shard: { index: 0, count: 1 } });
  const whole = countShard(plan, 9, { index: 0, count: 1 });

  it('reads a prefix of the streams from an aborted result', () => {
    const partial = countShard(samplesPlan(3 * 65_536), 9);
    const aborted = { ...whole, status: 'aborted' as const, inside: partial.inside, samples: 3 * 65_536 };
    expect(resumePointFrom('ck.json', withChecksum(aborted), options)).toMatchObject({ streams: 3, inside: partial.inside });
    expect(resumePointFrom('ck.json', withChecksum(whole), options)).toMatchObject({ streams: 6, inside: whole.inside });
  });

  it('refuses another run, a missing checksum, an edited count and a non-prefix', () => {
    expect(() => resumePointFrom('ck.json', withChecksum(whole), { ...options, seed: 10 })).toThrow(
      /^ck\.json: belongs to another run \(xoshiro128p seed 9, .* shard 0\/1\) than this one \(xoshiro128p seed 10/,
    );
    expect(() => resumePointFrom('ck.json', withChecksum(whole), { ...options, shard: undefined })).toThrow(/not sharded/);
    expect(() => resumePointFrom('ck.json', whole, options)).toThrow(/ck\.json: has no checksum/);
    expect(() => resumePointFrom('ck.json', { ...withChecksum(whole), inside: whole.inside - 1 }, options)).toThrow(
      /does not match its counts/,
    );
    const ragged = { ...whole, status: 'aborted' as const, samples: 65_536 + 5 };
    expect(() => resumePointFrom('ck.json', withChecksum(ragged), options)).toThrow(/not the points of whole streams/);
    const unseeded = { ...whole, reproducible: false };
    expect(() => resumePointFrom('ck.json', withChecksum(unseeded), options)).toThrow(/not reproducible/);
  });
});
