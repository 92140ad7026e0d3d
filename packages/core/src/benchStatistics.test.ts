import { describe, expect, it } from 'vitest';
import { median, summarizeTimes, timeColdWarm } from './benchStatistics.js';

describe('bench statistics', () => {
  it('median: the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBeCloseTo(2.5, 15);
    expect(median([])).toBeNaN();
  });

  it('summarizes warm times: median, extremes and relative spread', () => {
    const s = summarizeTimes(5, [1, 2, 4]);
    expect(s).toMatchObject({ coldSeconds: 5, warmSeconds: 2, warmRuns: 3, warmMinSeconds: 1, warmMaxSeconds: 4 });
    expect(s.spread).toBeCloseTo(1.5, 15);
  });

  it('calls once cold, then `runs` warm, then more until the warm calls reach minWarmSeconds', async () => {
    let calls = 0;
    const fixed = await timeColdWarm(() => ++calls, { runs: 3, seconds: () => 0.1 });
    expect([fixed.cold.value, fixed.warm.map((w) => w.value)]).toEqual([1, [2, 3, 4]]);
    calls = 0;
    const topped = await timeColdWarm(() => ++calls, { runs: 2, minWarmSeconds: 0.5, maxRuns: 100, seconds: () => 0.1 });
    expect(topped.warm).toHaveLength(5);
    calls = 0;
    const capped = await timeColdWarm(() => ++calls, { runs: 1, minWarmSeconds: 10, maxRuns: 4, seconds: () => 0.1 });
    expect(capped.warm).toHaveLength(4);
  });

  it('stops at an abort, and does not count a call that says it was stopped', async () => {
    const controller = new AbortController();
    let calls = 0;
    const r = await timeColdWarm(
      () => {
        if (++calls === 3) controller.abort();
        return calls;
      },
      { runs: 10, signal: controller.signal, stopped: (n) => n === 3 },
    );
    expect(r.warm.map((w) => w.value)).toEqual([2]);
  });
});
