// Benchmark (not a test): samples/s of @pi/cpu's loop on one core, median of several runs.
// Usage: node bench/loop.bench.mjs [samples=2e8] [runs=5]
import { estimateLoop } from '@pi/cpu';
import { median } from '@pi/core';

const samples = Number(process.argv[2] ?? 2e8);
const runs = Number(process.argv[3] ?? 5);

for (const generator of ['xoshiro128p', 'numba']) {
  const cold = await estimateLoop({ samples, generator, seed: 1 });
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push((await estimateLoop({ samples, generator, seed: 1 + i })).samplesPerSecond);
  console.log(
    JSON.stringify({
      backend: 'loop',
      generator,
      samples,
      coldSamplesPerSecond: Math.round(cold.samplesPerSecond),
      warmMedianSamplesPerSecond: Math.round(median(warm)),
      runs,
    }),
  );
}
