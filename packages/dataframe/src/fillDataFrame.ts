import { checkGenerator, checkSeed, streamStates } from '@pi/core';
import { yieldToEventLoop } from '@pi/core/internal';
import { indicatorDrawers } from '@pi/cpu';
import { DataFrame } from 'danfojs-node';
import { columnNames } from './_columnNames.js';
import { checkTableSize } from './tableSize.js';
import type { CellFillOptions, DataFrameFill } from './types.js';

/** Longest stretch without yielding to the event loop, so an abort signal is seen. */
const SLICE_MS = 40;

/**
 * The seed's `fill_dataframe(N, I)`: an empty N × I DataFrame (every cell NaN), then `df.at[n, i] = inside`
 * for every cell, row by row, each through danfo's public API.
 *
 * danfo has no scalar setter (`at` and `iat` only read), so a cell is set the way danfo lets a user set
 * anything: read the column (`getColumnData`), change the one value, and write the column back with
 * `addColumn(name, values, { inplace: true })`. That write copies all N values of the column into danfo's
 * row arrays and infers the column's dtype again, so **each cell costs O(N)** (30–45 µs at N = 10,000
 * here) and the fill O(N² · I), where pandas' `at` is O(1) (about 4 µs). The sequence stays correct if
 * `getColumnData` ever returns a copy: the changed column is what gets written back.
 *
 * Points come from the contract's streams (column i = stream i, cell n = its point n), one point per cell,
 * so the frame equals `fillDataFrame2`'s cell for cell. Honours `signal` between cells: an aborted fill
 * resolves with its complete rows (`rowsFilled`, `status: "aborted"`), the rest left NaN.
 */
export async function fillDataFrame(rows: number, cols: number, options: CellFillOptions = {}): Promise<DataFrameFill> {
  checkTableSize(rows, cols);
  const generator = checkGenerator(options.generator ?? 'xoshiro128p');
  const seed = checkSeed(options.seed ?? 0);
  const { signal } = options;
  const started = performance.now();
  const columns = columnNames(cols);
  const empty = new Array<number[]>(rows);
  for (let n = 0; n < rows; n++) empty[n] = new Array<number>(cols).fill(Number.NaN);
  const frame = new DataFrame(empty, { columns });

  const starts = streamStates(generator, seed, 0, cols);
  const states = Array.from({ length: cols }, (_, i) => Int32Array.from(starts.subarray(4 * i, 4 * i + 4)));
  const draw = indicatorDrawers[generator];
  const cell = new Uint8Array(1);
  let rowsFilled = 0;
  let inside = 0;
  let aborted = signal?.aborted === true;
  let sliceStarted = performance.now();
  for (let n = 0; n < rows && !aborted; n++) {
    for (let i = 0; i < cols; i++) {
      draw(states[i]!, 1, cell);
      inside += cell[0]!;
      const column = (frame.getColumnData as number[][])[i]!;
      column[n] = cell[0]!;
      frame.addColumn(columns[i]!, column, { inplace: true });
    }
    rowsFilled = n + 1;
    if (performance.now() - sliceStarted >= SLICE_MS) {
      options.onProgress?.({
        samplesDone: rowsFilled * cols,
        samplesTotal: rows * cols,
        inside,
        elapsedSeconds: (performance.now() - started) / 1000,
      });
      await yieldToEventLoop();
      sliceStarted = performance.now();
      aborted = signal?.aborted === true;
    }
  }
  return {
    frame,
    method: 'cell',
    rows,
    cols,
    generator,
    seed,
    rowsFilled,
    status: rowsFilled === rows ? 'completed' : 'aborted',
    seconds: (performance.now() - started) / 1000,
  };
}
