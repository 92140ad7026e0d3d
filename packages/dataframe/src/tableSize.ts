import { checkCount, invalidArgument } from '@pi/core';

/**
 * The most cells a filled DataFrame may have. danfo holds cells as plain JS arrays (a row array per row,
 * about 10 bytes a cell, twice that with danfo's column copy) and the CSV text takes about 2 bytes a cell:
 * 10 million cells stay within a few hundred MB, well inside Node's default heap.
 */
export const MAX_CELLS = 10_000_000;

/** Checks N and I (integers in [1, 2^53)) and N × I ≤ MAX_CELLS; `names` are the option names for messages. */
export function checkTableSize(
  rows: number,
  cols: number,
  names: { readonly rows: string; readonly cols: string } = { rows: 'rows', cols: 'cols' },
): { rows: number; cols: number } {
  checkCount(names.rows, rows);
  checkCount(names.cols, cols);
  if (rows * cols > MAX_CELLS) {
    throw invalidArgument(
      `${names.rows} × ${names.cols}`,
      `${rows} × ${cols} = ${(rows * cols).toLocaleString('en-US')} cells`,
      `at most ${MAX_CELLS.toLocaleString('en-US')} cells (the DataFrame is held in memory as plain arrays)`,
    );
  }
  return { rows, cols };
}

