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

/**
 * What a filled DataFrame costs in memory, by method: a row array per row, per-column bookkeeping (the
 * cell fill rewrites a column per cell and keeps more of it), and the cells. Measured as peak RSS of
 * `pi dataframe` on Node 20 (differences between 1 × 200,000 and 1 × 400,000 columns, 1,000,000 and
 * 2,000,000 rows, 1,000 and 2,000 × 1,000 cells), rounded up.
 */
export const TABLE_BYTES = {
  vectorized: { row: 100, column: 440, cell: 14 },
  cell: { row: 100, column: 1000, cell: 14 },
} as const;

/** CSV text of a frame, built whole before it is written: about two bytes a cell, doubled for the copy. */
export const CSV_BYTES_PER_CELL = 4;

/** Bytes a fill of N × I cells needs with `method` (and its CSV text when `csv`), past Node's own. */
export function tableBytes(rows: number, cols: number, method: keyof typeof TABLE_BYTES, csv = false): number {
  const cost = TABLE_BYTES[method];
  return rows * cost.row + cols * cost.column + rows * cols * (cost.cell + (csv ? CSV_BYTES_PER_CELL : 0));
}
