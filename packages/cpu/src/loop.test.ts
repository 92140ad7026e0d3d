import { insideNumba, insideXoshiro, numbaXoroshiro128pFromState, streamState, xoshiro128pFromState, type GeneratorName } from '@pi/core';
import { describe, expect, it } from 'vitest';
import fixtures from '../../core/test-vectors/numba/fixtures.json' with { type: 'json' };
import { estimateLoop, loop } from './loop.js';
import { naive } from './naive.js';

/** Reference count of one stream through @pi/core's generator objects and inside rules. */
function referenceStream(generator: GeneratorName, seed: number, stream: number, points: number): number {
  const state = streamState(generator, seed, stream);
  let inside = 0;
  if (generator === 'xoshiro128p') {
    const g = xoshiro128pFromState(state);
    for (let i = 0; i < points; i++) inside += insideXoshiro(g.next(), g.next()) ? 1 : 0;
  } else {
    const g = numbaXoroshiro128pFromState(state);
    for (let i = 0; i < points; i++) inside += insideNumba(g.nextFloat32(), g.nextFloat32()) ? 1 : 0;
  }
  return inside;
}

describe('loop: known answers', () => {
  it('numba generator, groups: every thread equals numba CUDA simulator fixtures', async () => {
    for (const c of fixtures.cases) {
      const r = await estimateLoop({ generator: 'numba', seed: c.seed, groups: { pointsPerGroup: c.pointsPerGroup, groups: c.groups } });
      expect(r.groupCounts).toEqual(c.counts);
      expect(r.inside).toBe(c.totalInside);
    }
  });

  it('500 × 64, seed 1234 gives 25183 inside (the issue example)', async () => {
    const r = await estimateLoop({ generator: 'numba', seed: 1234, groups: { pointsPerGroup: 500, groups: 64 } });
    expect(r.inside).toBe(25183);
  });

  for (const generator of ['xoshiro128p', 'numba'] as const) {
    it(`${generator}: samples plan equals the generator objects + inside rule, block by block`, async () => {
      const samples = 3 * 65_536 + 1234;
      const r = await estimateLoop({ generator, seed: 2024, samples });
      const expected = [0, 1, 2, 3].reduce((sum, k) => sum + referenceStream(generator, 2024, k, k < 3 ? 65_536 : 1234), 0);
      expect(r.inside).toBe(expected);
      expect(r.samples).toBe(samples);
    });
  }
});

describe('loop: the contract', () => {
  it('is deterministic and groups mode equals the sum of its groups', async () => {
    const a = await estimateLoop({ seed: 1, groups: { pointsPerGroup: 5000, groups: 37 } });
    const b = await estimateLoop({ seed: 1, groups: { pointsPerGroup: 5000, groups: 37 } });
    expect(a.inside).toBe(b.inside);
    expect(a.groupCounts!.reduce((s, c) => s + c, 0)).toBe(a.inside);
    expect(a.groupCounts![5]).toBe(referenceStream('xoshiro128p', 1, 5, 5000));
    // The seed's evaluate_pi_st is the mean of the group estimates, which is 4·inside/S.
    const mean = a.groupEstimates!.reduce((s, e) => s + e, 0) / 37;
    expect(a.pi).toBeCloseTo(mean, 12);
  });

  it('a samples plan that is a multiple of the block size equals the groups plan of those blocks', async () => {
    const s = await estimateLoop({ seed: 9, samples: 65_536 * 5 });
    const g = await estimateLoop({ seed: 9, groups: { pointsPerGroup: 65_536, groups: 5 } });
    expect(s.inside).toBe(g.inside);
  });

  it('|π̂ − π| < 4 SE at 2e7 samples, and the result is complete', async () => {
    const r = await estimateLoop({ seed: 12345, samples: 2e7 });
    expect(Math.abs(r.pi - Math.PI)).toBeLessThan(4 * r.standardError);
    expect(r).toMatchObject({ backend: 'loop', generator: 'xoshiro128p', reproducible: true, status: 'completed', samples: 2e7 });
    expect(r.ci.lower).toBeLessThan(r.pi);
    expect(r.ci.upper).toBeGreaterThan(r.pi);
  });

  it('over 200 seeds the 95% interval covers π 90–99% of the time', async () => {
    let covered = 0;
    for (let seed = 0; seed < 200; seed++) {
      const r = await estimateLoop({ seed, samples: 20_000 });
      if (r.ci.lower <= Math.PI && Math.PI <= r.ci.upper) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(198);
  });
});

describe('loop: abort and progress', () => {
  it('an abort returns the complete blocks so far with status "aborted"', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    setTimeout(() => controller.abort(), 150);
    const started = performance.now();
    const r = await estimateLoop({
      seed: 3,
      samples: 1e12,
      signal: controller.signal,
      onProgress: (p) => progress.push(p.samplesDone),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.status).toBe('aborted');
    expect(r.samples % 65_536).toBe(0);
    expect(r.samples).toBeGreaterThan(0);
    // The partial count is exactly the count of those blocks.
    const again = await estimateLoop({ seed: 3, samples: r.samples });
    expect(again.inside).toBe(r.inside);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('a signal aborted before the start returns an empty aborted result', async () => {
    const r = await estimateLoop({ samples: 1e6, signal: AbortSignal.abort() });
    expect(r).toMatchObject({ status: 'aborted', samples: 0, inside: 0 });
  });
});

describe('naive', () => {
  it('is honest about Math.random and lands within 5 SE', async () => {
    const { resolveEstimateOptions } = await import('@pi/core');
    const r = await naive.run(resolveEstimateOptions({ samples: 2e6 }));
    expect(r).toMatchObject({ reproducible: false, generator: 'Math.random', seed: null, backend: 'naive' });
    expect(Math.abs(r.pi - Math.PI)).toBeLessThan(5 * r.standardError);
  });

  it('refuses bad options before running', async () => {
    await expect(estimateLoop({ samples: -5 })).rejects.toThrow(/samples: -5 is not allowed/);
    expect(loop.reproducible).toBe(true);
  });
});

describe('loop: shards', () => {
  it('shards of a plan add up to the whole, for odd sizes and more shards than streams', async () => {
    for (const [plan, count] of [
      [{ samples: 7 * 65_536 + 5 }, 3],
      [{ groups: { pointsPerGroup: 1000, groups: 5 } }, 8],
    ] as const) {
      const whole = await estimateLoop({ ...plan, seed: 11 });
      let inside = 0;
      let samples = 0;
      for (let index = 0; index < count; index++) {
        const r = await estimateLoop({ ...plan, seed: 11, shard: { index, count } });
        expect(r.shard).toMatchObject({ index, count });
        inside += r.inside;
        samples += r.samples;
      }
      expect(inside).toBe(whole.inside);
      expect(samples).toBe(whole.samples);
    }
  });
});
