import { describe, expect, it } from 'vitest';
import { resolveEstimateOptions } from './estimateOptions.js';
import { RunTally } from './runTally.js';

describe('RunTally', () => {
  it('covers its shard, adds complete streams and builds the result', () => {
    const progress: number[] = [];
    const tally = new RunTally(
      resolveEstimateOptions({
        groups: { pointsPerGroup: 10, groups: 6 },
        seed: 3,
        shard: { index: 1, count: 3 },
        onProgress: (p) => progress.push(p.samplesDone),
      }),
    );
    expect([tally.firstStream, tally.streams, tally.samplesTotal]).toEqual([2, 2, 20]);
    tally.addStreams(2, [7, 9]);
    const r = tally.result({ backend: 'test', reproducible: true });
    expect(r).toMatchObject({ inside: 16, samples: 20, groupCounts: [7, 9], status: 'completed', seed: 3 });
    expect(r.shard).toEqual({ index: 1, count: 3, firstStream: 2, streams: 2 });
    expect(progress.at(-1)).toBe(20);
  });

  it('counts points without streams, forgets on reset, and names unseeded sources', () => {
    const controller = new AbortController();
    const tally = new RunTally(resolveEstimateOptions({ samples: 200_000, signal: controller.signal }));
    tally.addPoints(100, 131_072);
    tally.reset();
    tally.addPoints(5, 65_536);
    controller.abort();
    tally.aborted = true;
    const r = tally.result({ backend: 'x', reproducible: false, source: { generator: 'Math.random', seed: null } });
    expect(r).toMatchObject({ inside: 5, samples: 65_536, status: 'aborted', generator: 'Math.random', seed: null });
    expect(r.groupCounts).toBeUndefined();
  });

  it('resumes past a resume point: counts only the rest, keeps the shard range, adds the earlier time', () => {
    const resolved = resolveEstimateOptions({ groups: { pointsPerGroup: 10, groups: 6 }, seed: 3, shard: { index: 0, count: 1 } });
    const tally = new RunTally({ ...resolved, resume: { streams: 4, inside: 30, groupCounts: [7, 8, 7, 8], seconds: 2 } });
    expect([tally.firstStream, tally.streams, tally.samplesTotal, tally.samplesDone]).toEqual([4, 2, 60, 40]);
    tally.addStreams(4, [9, 6]);
    const r = tally.result({ backend: 'test', reproducible: true });
    expect(r).toMatchObject({ inside: 45, samples: 60, groupCounts: [7, 8, 7, 8, 9, 6], status: 'completed' });
    expect(r.shard).toEqual({ index: 0, count: 1, firstStream: 0, streams: 6 });
    expect(r.seconds).toBeGreaterThanOrEqual(2);
    tally.reset();
    expect([tally.inside, tally.samplesDone, tally.groupCounts]).toEqual([30, 40, [7, 8, 7, 8]]);
  });
});
