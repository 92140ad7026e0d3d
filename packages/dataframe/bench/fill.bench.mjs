// Benchmark of the seed's DataFrame fills at N × I (10,000 × 25 by default), side by side with pandas + numba.
// Usage: pnpm --filter @pi/dataframe bench   (env: ROWS, COLS, CELL_RUNS=3, RUNS=30, PYTHON=/usr/bin/python3, NO_PEER=1)
// Times are medians of warm runs (first calls, which include JIT warm-up, are reported apart). Build first: the
// bench imports dist/.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, streamStates, timeColdWarm } from '@pi/core';
import { indicatorDrawers } from '@pi/cpu';
import { DataFrame } from 'danfojs-node';
import { estimatePi, fillDataFrame, fillDataFrame2 } from '../dist/index.js';

const rows = Number(process.env.ROWS ?? 10_000);
const cols = Number(process.env.COLS ?? 25);
const runs = Number(process.env.RUNS ?? 30);
const cellRuns = Number(process.env.CELL_RUNS ?? 3);
const python = process.env.PYTHON ?? '/usr/bin/python3';

const ms = (x) => (x === null || x === undefined ? '—' : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);

/** Cold and warm milliseconds, with @pi/core's cold/warm loop and median (as `pi bench`). */
async function timeRuns(f, count) {
  const { cold, warm } = await timeColdWarm(f, { runs: count });
  const times = warm.map((w) => w.seconds * 1000);
  return { cold: cold.seconds * 1000, median: times.length > 0 ? median(times) : cold.seconds * 1000, times };
}

// The parts of the vectorized path, to show where its time goes.
function drawOnly() {
  const starts = streamStates('xoshiro128p', 1, 0, cols);
  const state = new Int32Array(4);
  const out = new Uint8Array(rows * cols);
  for (let i = 0; i < cols; i++) {
    state.set(starts.subarray(4 * i, 4 * i + 4));
    indicatorDrawers.xoshiro128p(state, rows, out, i * rows);
  }
  return out;
}

console.log(`@pi/dataframe fills, ${rows.toLocaleString('en-US')} × ${cols}, node ${process.version}`);
const vectorized = await timeRuns(() => estimatePi(fillDataFrame2(rows, cols, { seed: 1 })), runs);
const columnCopy = await timeRuns(() => estimatePi(fillDataFrame2(rows, cols, { seed: 1, lowMemoryMode: false })), runs);
const danfoMean = await timeRuns(() => {
  const fill = fillDataFrame2(rows, cols, { seed: 1 });
  return fill.frame.mean({ axis: 0 }).mul(4);
}, runs);
const inferred = await timeRuns(() => {
  const out = drawOnly();
  const data = [];
  for (let n = 0; n < rows; n++) {
    const row = new Array(cols);
    for (let i = 0; i < cols; i++) row[i] = out[i * rows + n];
    data.push(row);
  }
  return new DataFrame(data); // danfo's defaults: dtypes inferred, column copy built
}, runs);
const draws = await timeRuns(drawOnly, runs);
const cell = cellRuns > 0 ? await timeRuns(() => fillDataFrame(rows, cols, { seed: 1 }).then(estimatePi), cellRuns - 1) : null;

let peer = null;
if (!process.env.NO_PEER) {
  try {
    const script = fileURLToPath(new URL('./pandas_peer.py', import.meta.url));
    const text = execFileSync(python, [script, String(rows), String(cols), String(Math.max(cellRuns, 0)), String(runs)], {
      encoding: 'utf8',
    });
    peer = JSON.parse(text);
  } catch (error) {
    console.log(`pandas peer not run (${error.message.split('\n')[0]}); set PYTHON to a python3 with pandas and numba`);
  }
}

const rowsOut = [
  ['vectorized: fillDataFrame2 + estimatePi', vectorized, peer?.vectorizedMs, 'fill_dataframe2 + 4*df.mean'],
  ['  draws only (indicator kernel)', draws, peer?.drawsMs, 'simulate_pi_draws (numba)'],
  ['  with danfo column copy (lowMemoryMode false)', columnCopy, null, ''],
  ['  danfo mean({axis:0}) instead of row sums', danfoMean, null, ''],
  ['  danfo defaults: new DataFrame(rows), dtypes inferred', inferred, null, '(no estimate)'],
  ['cell: fillDataFrame + estimatePi', cell, peer?.cellMs, 'fill_dataframe (df.at) + 4*df.mean'],
];
console.log('');
console.log(
  `${'case'.padEnd(54)}${'pi (median)'.padStart(13)}${'cold'.padStart(11)}${'pandas'.padStart(13)}${'ratio'.padStart(8)}  pandas case`,
);
for (const [name, r, p, pname] of rowsOut) {
  if (r === null) continue;
  const ratio = p ? `${(r.median / p).toFixed(2)}×` : '';
  console.log(
    `${name.padEnd(54)}${ms(r.median).padStart(13)}${ms(r.cold).padStart(11)}${ms(p).padStart(13)}${ratio.padStart(8)}  ${pname}`,
  );
}
console.log('');
if (cell)
  console.log(
    `cell / vectorized (ours): ${(cell.median / vectorized.median).toFixed(0)}× (target ≥ 300×); per cell ${((cell.median / (rows * cols)) * 1000).toFixed(1)} µs`,
  );
if (peer?.cellMs) console.log(`cell / vectorized (pandas): ${(peer.cellMs / peer.vectorizedMs).toFixed(0)}×`);
if (peer)
  console.log(
    `vectorized ours / pandas+numba: ${(vectorized.median / peer.vectorizedMs).toFixed(2)}× (target ≤ 3×); pandas ${peer.pandas}, numba ${peer.numba}, numpy ${peer.numpy}`,
  );
console.log(`runs: ${runs} vectorized, ${cellRuns} cell (first of each reported as cold)`);
