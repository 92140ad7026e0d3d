// Host preparation of the π kernel: how long the host spends per 1e12 samples preparing dispatches, and how
// many invocations each dispatch launches, for the seed's 50,000 × 50,000 plan and for 1e12 samples.
//
//   pnpm --filter @pi/gpu-tf bench:host
//
// Part 1 plans every dispatch of the whole run with the kernel's own planner (stream start, advance, uniform
// block: all the per-dispatch work the host does before encoding), sized as a hardware GPU would size them:
// dispatches of `--dispatch-ms` (50) at `--rate` samples/s (5e11, the H100/H200 target). No device
// is needed. Part 2 runs the kernel on this machine's adapter and reports the host time it measured itself
// (planning, encoding and submitting), per dispatch and scaled to 1e12 samples at that dispatch rate.
import { groupsPlan, resolveEstimateOptions, samplesPlan, shardStreams } from '@pi/core';
import { PiDispatchPlanner, kernelEstimator, openNodeGpu } from '../dist/index.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const rate = arg('rate', 5e11);
const dispatchMs = arg('dispatch-ms', 50);
const pointsPerDispatch = (rate * dispatchMs) / 1000;

const plans = [
  { name: "seed's 50,000 × 50,000 (numba)", plan: groupsPlan(50_000, 50_000), generator: 'numba', seed: 20_220_116 },
  { name: '1e12 samples (xoshiro128p)', plan: samplesPlan(1e12), generator: 'xoshiro128p', seed: 1 },
];

console.log(`Part 1: the planner, dispatches sized for ${(rate / 1e9).toFixed(0)} G samples/s × ${dispatchMs} ms (no device)`);
console.log('plan                                  dispatches   invocations/dispatch   host ms   host ms per 1e12');
for (const { name, plan, generator, seed } of plans) {
  const times = [];
  let summary;
  for (let rep = 0; rep < 5; rep++) {
    const planner = new PiDispatchPlanner({ plan, generator, seed }, shardStreams(plan));
    const budget = pointsPerDispatch / planner.chunkPoints;
    let dispatches = 0;
    let invocations = 0;
    let points = 0;
    const t0 = performance.now();
    while (!planner.done) {
      const d = planner.next(budget);
      dispatches++;
      invocations += d.invocations;
      points += d.points;
    }
    times.push(performance.now() - t0);
    summary = { dispatches, invocations, points };
  }
  times.sort((a, b) => a - b);
  const ms = times[2];
  console.log(
    `${name.padEnd(38)}${String(summary.dispatches).padStart(10)}   ${Math.round(summary.invocations / summary.dispatches)
      .toLocaleString('en-US')
      .padStart(20)}   ${ms.toFixed(2).padStart(7)}   ${((ms * 1e12) / summary.points).toFixed(2).padStart(16)}`,
  );
}

const gpu = await openNodeGpu();
const label = `${gpu.summary.name}${gpu.summary.software ? ' [SOFTWARE: CPU, not GPU speed]' : ''}`;
const size = gpu.summary.software ? 2 ** 27 : 1e11;
console.log(`\nPart 2: measured by the kernel on ${label}, ${size.toExponential(2)} samples (median of 3 warm runs)`);
const kernel = kernelEstimator();
const options = resolveEstimateOptions({ samples: size, seed: 1 });
await kernel.run(options);
const runs = [];
for (let i = 0; i < 3; i++) runs.push(await kernel.run(options));
runs.sort((a, b) => a.details.hostMilliseconds - b.details.hostMilliseconds);
const r = runs[1];
const perDispatch = r.details.hostMilliseconds / r.details.dispatches;
const dispatchesPer1e12 = 1e12 / pointsPerDispatch;
console.log(
  `samples/s ${(r.samplesPerSecond / 1e9).toPrecision(3)} G, dispatches ${r.details.dispatches}, invocations/dispatch ${Math.round(r.details.invocations / r.details.dispatches)}`,
);
console.log(
  `host ms per dispatch ${perDispatch.toFixed(3)}; per 1e12 samples at ${dispatchMs} ms dispatches of ${(rate / 1e9).toFixed(0)} G/s: ${(perDispatch * dispatchesPer1e12).toFixed(2)} ms`,
);
await kernel.dispose();
gpu.device.destroy();
process.exit(0);
