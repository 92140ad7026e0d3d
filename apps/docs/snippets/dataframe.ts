// The lecture's two DataFrame fills with danfo.js: N rows (points) × I columns (groups), each cell
// 1 when that point is inside. Cell by cell through danfo, or drawn first and wrapped once.
import { estimateLoop } from '@pi/cpu';
import { estimatePi, fillDataFrame, fillDataFrame2 } from '@pi/dataframe';

const N = 1_000;
const I = 10;

const byCell = await fillDataFrame(N, I, { seed: 11 });
const wrapped = fillDataFrame2(N, I, { seed: 11 });
console.log(`cell by cell: ${(byCell.seconds * 1000).toFixed(1)} ms; drawn then wrapped: ${(wrapped.seconds * 1000).toFixed(1)} ms`);

// The lecture's 4 * df.mean(axis="index"): one estimate per column, and their mean.
const { columnEstimates, result } = estimatePi(wrapped);
columnEstimates.print();

// Same generator, seed and plan as the loop's groups plan: the same count.
const loop = await estimateLoop({ groups: { pointsPerGroup: N, groups: I }, seed: 11 });
console.log(`dataframe: ${result.inside}, loop: ${loop.inside}, equal: ${result.inside === loop.inside}`);
