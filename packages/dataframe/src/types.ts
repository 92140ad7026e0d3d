import type { GeneratorName, PiResult, Progress, RunStatus } from '@pi/core';
import type { DataFrame, Series } from 'danfojs-node';

/** How a DataFrame was filled: the seed's `fill_dataframe` (cell) or `fill_dataframe2` (vectorized). */
export type FillMethod = 'cell' | 'vectorized';

/** Options both fills accept. */
export interface FillOptions {
  /** Seed, an integer in [0, 2^53); 0 by default. */
  readonly seed?: number;
  /** Generator of the reproducibility contract, `xoshiro128p` by default. */
  readonly generator?: GeneratorName;
}

/** Options of the cell-by-cell fill. */
export interface CellFillOptions extends FillOptions {
  /** Stops the fill between cells; the result then holds the complete rows so far with `status: "aborted"`. */
  readonly signal?: AbortSignal;
  /** Told about every 40 ms how many cells are set (`samplesDone`) of all (`samplesTotal`). */
  readonly onProgress?: (progress: Progress) => void;
}

/** Options of the vectorized fill. */
export interface VectorizedFillOptions extends FillOptions {
  /**
   * Keep danfo's row storage only (danfo's `lowMemoryMode`), `true` by default. danfo otherwise keeps a second,
   * column-major copy that it builds by transposing every row at construction: at 10,000 × 25 that costs more
   * than drawing all the points. Column reads then transpose on demand; values, `mean` and `toCSV` are the same.
   */
  readonly lowMemoryMode?: boolean;
}

/** A filled DataFrame and how it was made. */
export interface DataFrameFill {
  /** N rows × I columns named "0" … "I−1"; cell (n, i) is 1 when point n of stream i is inside the circle. */
  readonly frame: DataFrame;
  readonly method: FillMethod;
  /** N: rows asked for (points per column). */
  readonly rows: number;
  /** I: columns (streams, the seed's groups). */
  readonly cols: number;
  readonly generator: GeneratorName;
  readonly seed: number;
  /** Rows completely filled: `rows`, or fewer when the cell fill was aborted (the rest stay NaN). */
  readonly rowsFilled: number;
  /** `completed`, or `aborted` with `rowsFilled` complete rows. */
  readonly status: RunStatus;
  /** Wall time of the fill in seconds (drawing and building the frame). */
  readonly seconds: number;
  /** Vectorized fill only: the indicators as drawn, column-major (column i at [i·N, (i+1)·N)). */
  readonly indicators?: Uint8Array;
}

/** π from a filled DataFrame: the seed's `4 * df.mean(axis="index")` and its mean, as danfo objects and as plain data. */
export interface DataFrameEstimates {
  /** danfo Series indexed by column name: 4 × the column's mean, the seed's per-group estimate. */
  readonly columnEstimates: Series;
  /** danfo Series indexed `pi`, `standardError`, `ciLower`, `ciUpper`. */
  readonly summary: Series;
  /**
   * Plain data, the result type of every pi backend: `pi` is the mean of the column estimates, `standardError`
   * their spread (σ/√I), `groupCounts` and `groupEstimates` are per column. Equals `estimateLoop` with
   * `groups: { pointsPerGroup: N, groups: I }` for the same generator and seed, count for count.
   */
  readonly result: PiResult;
}
