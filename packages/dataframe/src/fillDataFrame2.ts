import { checkGenerator, checkSeed, streamStates } from '@pi/core';
import { indicatorDrawers } from '@pi/cpu';
import { DataFrame } from 'danfojs-node';
import { columnNames } from './_columnNames.js';
import { checkTableSize } from './tableSize.js';
import type { DataFrameFill, VectorizedFillOptions } from './types.js';

/**
 * The seed's `fill_dataframe2(N, I)`: draw every 0/1 indicator first, then wrap them once into a DataFrame
 * with columns "0" … "I−1".
 *
 * The draws follow the contract's `groups` plan N × I: column i is group i, drawn from stream i with
 * N points by @pi/cpu's indicator kernel (the counting kernels' inside rule), into one Uint8Array. So
 * column sums are exactly `estimateLoop({ groups: { pointsPerGroup: N, groups: I } })`'s group counts and
 * the column means are the seed's per-group estimates / 4.
 *
 * `lowMemoryMode` (the default) keeps only danfo's row arrays, without the transposed column copy its
 * constructor would build; dtypes are given as int32, so none are inferred.
 *
 * @example
 * ```ts
 * import { estimatePi, fillDataFrame2 } from '@pi/dataframe';
 *
 * const fill = fillDataFrame2(10_000, 25, { seed: 1 });
 * fill.frame.head().print();
 * console.log(estimatePi(fill).result.pi);
 * ```
 */
export function fillDataFrame2(rows: number, cols: number, options: VectorizedFillOptions = {}): DataFrameFill {
  checkTableSize(rows, cols);
  const generator = checkGenerator(options.generator ?? 'xoshiro128p');
  const seed = checkSeed(options.seed ?? 0);
  const started = performance.now();

  const starts = streamStates(generator, seed, 0, cols);
  const draw = indicatorDrawers[generator];
  const state = new Int32Array(4);
  const indicators = new Uint8Array(rows * cols);
  for (let i = 0; i < cols; i++) {
    state.set(starts.subarray(4 * i, 4 * i + 4));
    draw(state, rows, indicators, i * rows);
  }

  // danfo takes a 2-D array of rows (it refuses typed arrays): build them once, each filled in order so
  // V8 keeps them as packed small integers.
  const data = new Array<number[]>(rows);
  for (let n = 0; n < rows; n++) {
    const row = new Array<number>(cols);
    for (let i = 0, at = n; i < cols; i++, at += rows) row[i] = indicators[at]!;
    data[n] = row;
  }
  const columns = columnNames(cols);
  const frame = new DataFrame(data, {
    columns,
    dtypes: columns.map(() => 'int32'),
    config: { lowMemoryMode: options.lowMemoryMode ?? true },
  });
  return {
    frame,
    method: 'vectorized',
    rows,
    cols,
    generator,
    seed,
    rowsFilled: rows,
    status: 'completed',
    seconds: (performance.now() - started) / 1000,
    indicators,
  };
}
