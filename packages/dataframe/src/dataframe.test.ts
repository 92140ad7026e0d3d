import {
  PiError,
  insideNumba,
  insideXoshiro,
  numbaXoroshiro128pFromState,
  streamState,
  xoshiro128pFromState,
  type GeneratorName,
} from '@pi/core';
import { estimateLoop, indicatorDrawers } from '@pi/cpu';
import { describe, expect, it } from 'vitest';
import { MAX_CELLS, estimatePi, fillDataFrame, fillDataFrame2 } from './index.js';

const GENERATORS: GeneratorName[] = ['xoshiro128p', 'numba'];

/** Column i of the contract's groups plan, point by point, from @pi/core's reference generators and inside rules. */
function referenceColumn(generator: GeneratorName, seed: number, column: number, rows: number): number[] {
  const state = streamState(generator, seed, column);
  if (generator === 'xoshiro128p') {
    const g = xoshiro128pFromState(state);
    return Array.from({ length: rows }, () => (insideXoshiro(g.next(), g.next()) ? 1 : 0));
  }
  const g = numbaXoroshiro128pFromState(state);
  return Array.from({ length: rows }, () => (insideNumba(g.nextFloat32(), g.nextFloat32()) ? 1 : 0));
}

function column(values: number[][], i: number): number[] {
  return values.map((row) => row[i]!);
}

describe('fillDataFrame2 (vectorized): the indicators @pi/cpu draws, wrapped once', () => {
  it.each(GENERATORS)('%s: every cell equals the indicator of point n of stream i', (generator) => {
    const rows = 3000;
    const cols = 6;
    const fill = fillDataFrame2(rows, cols, { generator, seed: 1234 });
    expect(fill.frame.shape).toEqual([rows, cols]);
    expect(fill.frame.columns).toEqual(['0', '1', '2', '3', '4', '5']);
    const values = fill.frame.values as number[][];
    for (let i = 0; i < cols; i++) {
      // @pi/cpu's kernel run on its own from the stream's start state…
      const drawn = new Uint8Array(rows);
      indicatorDrawers[generator](Int32Array.from(streamState(generator, 1234, i)), rows, drawn);
      expect(column(values, i)).toEqual(Array.from(drawn));
      // …and the reference generator with the contract's inside rule, independently of @pi/cpu.
      if (i < 2) expect(column(values, i)).toEqual(referenceColumn(generator, 1234, i, rows));
    }
  });

  it.each(GENERATORS)(
    '%s: column counts, estimates, π and its standard error equal estimateLoop of groups N × I exactly',
    async (generator) => {
      const rows = 2000;
      const cols = 25;
      const loop = await estimateLoop({ generator, seed: 7, groups: { pointsPerGroup: rows, groups: cols } });
      const { result, columnEstimates, summary } = estimatePi(fillDataFrame2(rows, cols, { generator, seed: 7 }));
      expect(result.groupCounts).toEqual(loop.groupCounts);
      expect(result.groupEstimates).toEqual(loop.groupEstimates);
      expect(result.inside).toBe(loop.inside);
      expect(result.pi).toBe(loop.pi);
      expect(result.standardError).toBe(loop.standardError);
      expect(result).toMatchObject({ samples: rows * cols, status: 'completed', reproducible: true, backend: 'dataframe-vectorized' });
      expect(columnEstimates.values).toEqual(loop.groupEstimates);
      expect(columnEstimates.index).toEqual(Array.from({ length: cols }, (_, i) => String(i)));
      expect(summary.values).toEqual([loop.pi, loop.standardError, loop.ci.lower, loop.ci.upper]);
    },
  );

  it('the estimates are the seed’s 4 · df.mean(axis="index"), bit for bit as danfo computes it, in both storage modes', () => {
    for (const lowMemoryMode of [true, false]) {
      const fill = fillDataFrame2(1500, 9, { seed: 3, lowMemoryMode });
      const danfoMeans = fill.frame.mean({ axis: 0 }).values as number[];
      const { columnEstimates, result } = estimatePi(fill);
      expect(columnEstimates.values).toEqual(danfoMeans.map((m) => 4 * m));
      expect(result.pi).toBeCloseTo(danfoMeans.reduce((a, b) => a + 4 * b, 0) / danfoMeans.length, 14);
      expect(fill.frame.dtypes).toEqual(Array(9).fill('int32'));
    }
  });

  it('a different seed gives a different frame; the same seed the same one', () => {
    const a = fillDataFrame2(500, 4, { seed: 1 }).indicators!;
    expect(fillDataFrame2(500, 4, { seed: 1 }).indicators).toEqual(a);
    expect(fillDataFrame2(500, 4, { seed: 2 }).indicators).not.toEqual(a);
  });

  it('statistics: 20,000 × 25 at seed 11 lands within 4 standard errors of π', () => {
    const { result } = estimatePi(fillDataFrame2(20_000, 25, { seed: 11 }));
    expect(Math.abs(result.pi - Math.PI)).toBeLessThan(4 * result.standardError);
    expect(result.standardError).toBeGreaterThan(0.001);
    expect(result.standardError).toBeLessThan(0.01);
  });
});

describe('fillDataFrame (cell by cell through danfo)', () => {
  it.each(GENERATORS)('%s: a valid 0/1 frame of the right shape, equal to the vectorized one cell for cell', async (generator) => {
    const cell = await fillDataFrame(120, 7, { generator, seed: 99 });
    expect(cell.frame.shape).toEqual([120, 7]);
    expect(cell.frame.columns).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(cell).toMatchObject({ status: 'completed', rowsFilled: 120, method: 'cell' });
    const values = cell.frame.values as number[][];
    expect(values.flat().every((v) => v === 0 || v === 1)).toBe(true);
    expect(cell.frame.dtypes).toEqual(Array(7).fill('int32'));
    expect(values).toEqual(fillDataFrame2(120, 7, { generator, seed: 99 }).frame.values);
    // danfo's own column view agrees with its rows: every cell went through the column write.
    expect(cell.frame.getColumnData).toEqual(Array.from({ length: 7 }, (_, i) => column(values, i)));
    const estimates = estimatePi(cell);
    expect(estimates.result.groupCounts).toEqual(
      (await estimateLoop({ generator, seed: 99, groups: { pointsPerGroup: 120, groups: 7 } })).groupCounts,
    );
  });

  it('an abort resolves with the complete rows, the rest still NaN, estimated from those rows', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const fill = await fillDataFrame(4000, 20, { seed: 5, signal: controller.signal });
    expect(fill.status).toBe('aborted');
    expect(fill.rowsFilled).toBeGreaterThan(0);
    expect(fill.rowsFilled).toBeLessThan(4000);
    const values = fill.frame.values as number[][];
    expect(
      values
        .slice(0, fill.rowsFilled)
        .flat()
        .every((v) => v === 0 || v === 1),
    ).toBe(true);
    expect(
      values
        .slice(fill.rowsFilled)
        .flat()
        .every((v) => Number.isNaN(v)),
    ).toBe(true);
    const { result } = estimatePi(fill);
    expect(result).toMatchObject({ status: 'aborted', samples: fill.rowsFilled * 20 });
    expect(result.inside).toBe(
      values
        .slice(0, fill.rowsFilled)
        .flat()
        .reduce((a, b) => a + b, 0),
    );
    expect(result.groupCounts).toBeUndefined();
  });

  it('an already aborted signal fills nothing', async () => {
    const fill = await fillDataFrame(10, 3, { signal: AbortSignal.abort() });
    expect(fill).toMatchObject({ status: 'aborted', rowsFilled: 0 });
  });
});

describe('bad input: one INVALID_ARGUMENT error naming the option, the value and what is allowed', () => {
  it.each([
    [0, 5, /^rows: 0 is not allowed; expected an integer in \[1, 2\^53\)$/],
    [10, 1.5, /^cols: 1.5 is not allowed/],
    [-3, 2, /^rows: -3 is not allowed/],
    [Number.NaN, 2, /^rows: NaN is not allowed/],
    [5000, 5000, /^rows × cols: "5000 × 5000 = 25,000,000 cells" is not allowed; expected at most 10,000,000 cells/],
  ])('fillDataFrame2(%s, %s)', (rows, cols, message) => {
    const error = (() => {
      try {
        fillDataFrame2(rows, cols);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PiError);
    expect((error as PiError).code).toBe('INVALID_ARGUMENT');
    expect((error as PiError).message).toMatch(message);
  });

  it('the cell fill refuses the same way, before allocating anything', async () => {
    await expect(fillDataFrame(MAX_CELLS + 1, 1)).rejects.toThrow(/at most 10,000,000 cells/);
    await expect(fillDataFrame(10, 2, { seed: -1 })).rejects.toThrow(/seed: -1 is not allowed/);
    expect(() => fillDataFrame2(10, 2, { generator: 'mt19937' as GeneratorName })).toThrow(/generator: "mt19937" is not allowed/);
  });
});
