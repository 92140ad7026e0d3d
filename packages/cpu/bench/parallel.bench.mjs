// Benchmark (not a test): loop, simd (one core) and workers (every core) side by side, cold and warm, with
// ratios. Cold = the first run in this process: WebAssembly compile for simd; worker start + compile for
// workers. Cold and warm are @pi/core's (timeColdWarm, median), as in `pi bench`, which also runs the
// seed's numba evaluate_pi_st / evaluate_pi_mt beside ours: `pi bench --only 3`.
// Usage: pnpm --filter @pi/cpu bench [-- samples=1e10 runs=3 loopSamples=1e9 threads=<cores>]
import { availableParallelism, loadavg } from 'node:os';
import { createWorkersEstimator, estimateLoop, estimateSimd } from '@pi/cpu';
import { median, resolveEstimateOptions, timeColdWarm } from '@pi/core';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const samples = Number(args.samples ?? 1e10);
const loopSamples = Number(args.loopSamples ?? 1e9);
const runs = Number(args.runs ?? 3);
const threads = Number(args.threads ?? availableParallelism());
const rows = [];
const report = (row) => {
  rows.push(row);
  console.log(JSON.stringify(row));
};

/** Runs `once` cold, then `runs` times warm; reports seconds and samples/s. */
async function measure(name, generator, plan, once) {
  // Process CPU time (every thread's) beside wall time: samples per CPU-second is the figure that other
  // processes on the machine disturb least, and workers' over simd's is the parallel efficiency.
  const timed = async () => {
    const cpu = process.cpuUsage();
    const result = await once();
    const used = process.cpuUsage(cpu);
    return Object.assign(result, { cpuSeconds: (used.user + used.system) / 1e6 });
  };
  const { cold: first, warm: calls } = await timeColdWarm(timed, { runs, seconds: (r) => r.seconds });
  const cold = first.value;
  const warm = calls.map((c) => c.value);
  const count = plan.samples ?? plan.groups.pointsPerGroup * plan.groups.groups;
  const warmSeconds = median(warm.map((r) => r.seconds));
  const insides = new Set([cold, ...warm].map((r) => r.inside));
  report({
    backend: name,
    generator,
    plan: plan.samples !== undefined ? `${count} samples` : `${plan.groups.pointsPerGroup}x${plan.groups.groups} groups`,
    coldSeconds: +cold.seconds.toFixed(3),
    coldSamplesPerSecond: Math.round(count / cold.seconds),
    warmMedianSeconds: +warmSeconds.toFixed(3),
    warmMedianSamplesPerSecond: Math.round(count / warmSeconds),
    warmMedianSamplesPerCpuSecond: Math.round(count / median(warm.map((r) => r.cpuSeconds))),
    runs,
    sameInsideEveryRun: insides.size === 1,
  });
}

console.log(
  JSON.stringify({ node: process.version, cores: availableParallelism(), threads, loadAverage: loadavg().map((x) => +x.toFixed(2)) }),
);

// Pool start alone: a fresh pool's first one-block run (spawn + module load + WebAssembly compile).
{
  const estimator = createWorkersEstimator({ threads });
  const t = performance.now();
  await estimator.run(resolveEstimateOptions({ samples: 65536 * threads }));
  const coldMs = performance.now() - t;
  const t2 = performance.now();
  await estimator.run(resolveEstimateOptions({ samples: 65536 * threads }));
  report({
    backend: 'workers',
    case: 'pool start (one block per thread)',
    coldMs: +coldMs.toFixed(1),
    warmMs: +(performance.now() - t2).toFixed(1),
  });
  await estimator.dispose();
}

const simdFirst = async (options) => estimateSimd(options);
for (const generator of ['xoshiro128p', 'numba']) {
  const scale = generator === 'numba' ? 0.25 : 1; // the numba generator is ~2.5× slower: keep runs short
  const plan = { samples: samples * scale, generator, seed: 1 };
  await measure('simd', generator, plan, () => simdFirst(plan));
  const pool = createWorkersEstimator({ threads });
  await measure(`workers×${threads}`, generator, plan, () => pool.run(resolveEstimateOptions(plan)));
  await pool.dispose();
  const loopPlan = { samples: loopSamples * scale, generator, seed: 1 };
  await measure('loop', generator, loopPlan, () => estimateLoop(loopPlan));
}

// The seed's N × I (evaluate_pi_st / _mt) with our numba-generator groups, for the side-by-side.
const seedGroups = { groups: { pointsPerGroup: 50_000, groups: 10_000 }, generator: 'xoshiro128p', seed: 1 };
await measure('simd', 'xoshiro128p', seedGroups, () => estimateSimd(seedGroups));
{
  const pool = createWorkersEstimator({ threads });
  await measure(`workers×${threads}`, 'xoshiro128p', seedGroups, () => pool.run(resolveEstimateOptions(seedGroups)));
  await pool.dispose();
}

const find = (backend, generator, plan) =>
  rows.find((r) => r.backend === backend && r.generator === generator && (plan === undefined || r.plan === plan))
    ?.warmMedianSamplesPerSecond;
const workersName = `workers×${threads}`;
const big = `${samples} samples`;
const ratios = {
  'simd / loop (xoshiro128p)': find('simd', 'xoshiro128p', big) / find('loop', 'xoshiro128p'),
  [`${workersName} / simd (xoshiro128p, ${samples} samples)`]: find(workersName, 'xoshiro128p', big) / find('simd', 'xoshiro128p', big),
  'simd / loop (numba generator)': find('simd', 'numba') / find('loop', 'numba'),
  [`${workersName} / simd (numba generator)`]: find(workersName, 'numba') / find('simd', 'numba'),
};
const perCpu = (backend, generator) =>
  rows.find((r) => r.backend === backend && r.generator === generator && r.plan === big)?.warmMedianSamplesPerCpuSecond;
ratios[`${workersName} / simd per CPU-second (xoshiro128p): parallel efficiency`] =
  perCpu(workersName, 'xoshiro128p') / perCpu('simd', 'xoshiro128p');
console.log(
  JSON.stringify({
    ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, +v.toFixed(2)])),
    loadAverage: loadavg().map((x) => +x.toFixed(2)),
  }),
);
