/**
 * @pi/dataframe: the seed's pandas DataFrame fills with danfo.js. `fillDataFrame` sets one cell at a time
 * through danfo's API; `fillDataFrame2` draws the 0/1 indicators with @pi/cpu and wraps them once;
 * `estimatePi` turns either frame into the seed's per-column estimates of π.
 */
export type * from './types.js';
export { fillDataFrame } from './fillDataFrame.js';
export { fillDataFrame2 } from './fillDataFrame2.js';
export { estimatePi } from './estimatePi.js';
export { CSV_BYTES_PER_CELL, MAX_CELLS, TABLE_BYTES, checkTableSize, tableBytes } from './tableSize.js';
export { frameCsv, writeCsv } from './writeCsv.js';
