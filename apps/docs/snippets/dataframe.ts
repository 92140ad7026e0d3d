// The lecture's two DataFrame fills with danfo.js: N rows (points) × I
// columns (groups), each cell 1 when that point is inside. Cell by cell
// through danfo, or drawn first and wrapped once.
import { estimateLoop } from '@pi/cpu';
import { estimatePi, fillDataFrame, fillDataFrame2 } from '@pi/dataframe';

const N = 1_000;
const I = 10;

const byCell = await fillDataFrame(N, I, { seed: 11 });
const wrapped = fillDataFrame2(N, I, { seed: 11 });
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
console.log(`cell by cell: ${ms(byCell.seconds)}`);
console.log(`drawn then wrapped: ${ms(wrapped.seconds)}`);

// The lecture's 4 * df.mean(axis="index"): one estimate per column.
const { columnEstimates, result } = estimatePi(wrapped);
columnEstimates.print();

// Same generator, seed and plan as the loop's groups plan: the same count.
const groups = { pointsPerGroup: N, groups: I };
const loop = await estimateLoop({ groups, seed: 11 });
const equal = result.inside === loop.inside;
console.log(`dataframe: ${result.inside}, loop: ${loop.inside}`);
console.log(`equal: ${equal}`);
