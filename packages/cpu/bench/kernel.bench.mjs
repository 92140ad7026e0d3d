// Benchmark (not a test): the SIMD kernels alone, on one thread, in samples per second of this thread's
// CPU time (process.cpuUsage), so that other processes' use of the machine's cores matters less than for
// wall-clock figures (it still matters where they share a physical core or its caches).
// Usage: node bench/kernel.bench.mjs [runs=7]
import { SIMD_WIDE_LANES, SimdStreamCounter } from '@pi/cpu/internal';
import { groupsPlan, median } from '@pi/core';

const runs = Number(process.argv[2] ?? 7);
const counter = await SimdStreamCounter.create();
for (const generator of ['xoshiro128p', 'numba']) {
  // One batch of `lanes` equal streams (the widest kernel's): no stream jumps, no scalar tail, only kernel calls.
  const lanes = SIMD_WIDE_LANES[generator];
  const plan = groupsPlan(generator === 'numba' ? 2 ** 24 : 2 ** 26, lanes);
  const rates = [];
  for (let r = 0; r < runs + 1; r++) {
    const cpu = process.cpuUsage();
    for (const _ of counter.countStreams(generator, r, plan, 0, lanes, () => {}));
    const used = process.cpuUsage(cpu);
    if (r > 0) rates.push((plan.pointsPerGroup * lanes) / ((used.user + used.system) / 1e6)); // r = 0 warms up
  }
  console.log(
    JSON.stringify({
      generator,
      lanes,
      cpuMedianSamplesPerSecond: Math.round(median(rates)),
      min: Math.round(Math.min(...rates)),
      max: Math.round(Math.max(...rates)),
      runs,
    }),
  );
}
