// Benchmark (not a test): loop, simd (one core) and workers (every core) side by side, cold and warm, and,
// where /usr/bin/python3 has numba, the seed's evaluate_pi_st / evaluate_pi_mt beside them, with ratios.
// Cold = the first run in this process: WebAssembly compile for simd; worker start + compile for workers.
// Usage: pnpm --filter @pi/cpu bench [-- samples=1e10 runs=3 loopSamples=1e9 threads=<cores> numba=1]
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createWorkersEstimator, estimateLoop, estimateSimd } from '@pi/cpu';
import { resolveEstimateOptions } from '@pi/core';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const samples = Number(args.samples ?? 1e10);
const loopSamples = Number(args.loopSamples ?? 1e9);
const runs = Number(args.runs ?? 3);
const threads = Number(args.threads ?? availableParallelism());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
  const cold = await timed();
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await timed());
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

console.log(JSON.stringify({ node: process.version, cores: availableParallelism(), threads, loadAverage: loadavg().map((x) => +x.toFixed(2)) }));

// Pool start alone: a fresh pool's first one-block run (spawn + module load + WebAssembly compile).
{
  const estimator = createWorkersEstimator({ threads });
  const t = performance.now();
  await estimator.run(resolveEstimateOptions({ samples: 65536 * threads }));
  const coldMs = performance.now() - t;
  const t2 = performance.now();
  await estimator.run(resolveEstimateOptions({ samples: 65536 * threads }));
  report({ backend: 'workers', case: 'pool start (one block per thread)', coldMs: +coldMs.toFixed(1), warmMs: +(performance.now() - t2).toFixed(1) });
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

let numba = [];
if (args.numba !== '0') {
  // The one numba peer of the project, the one `pi bench` runs (the seed's evaluate_pi_st / evaluate_pi_mt).
  const script = fileURLToPath(new URL('../../cli/peer/numba_peer.py', import.meta.url));
  const child = spawnSync(
    '/usr/bin/python3',
    [script, '--cases', 'evaluate_pi_st,evaluate_pi_mt', '--runs', String(runs), '--groups', '50000', '10000'],
    { encoding: 'utf8' },
  );
  if (child.status === 0) {
    numba = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((row) => ({ ...row, warmMedianSamplesPerSecond: Math.round(row.samples / row.warmSeconds) }));
    for (const row of numba) report({ backend: `numba ${row.case}`, ...row });
  } else {
    console.log(JSON.stringify({ numba: 'not run', reason: (child.stderr || String(child.error)).trim().split('\n').pop() }));
  }
}

const find = (backend, generator, plan) =>
  rows.find((r) => r.backend === backend && r.generator === generator && (plan === undefined || r.plan === plan))?.warmMedianSamplesPerSecond;
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
ratios[`${workersName} / simd per CPU-second (xoshiro128p): parallel efficiency`] = perCpu(workersName, 'xoshiro128p') / perCpu('simd', 'xoshiro128p');
const st = numba.find((r) => r.case === 'evaluate_pi_st');
const mt = numba.find((r) => r.case === 'evaluate_pi_mt');
if (st !== undefined && mt !== undefined) {
  const seedPlan = '50000x10000 groups';
  ratios['simd / numba evaluate_pi_st'] = find('simd', 'xoshiro128p', seedPlan) / st.warmMedianSamplesPerSecond;
  ratios[`${workersName} / numba evaluate_pi_mt`] = find(workersName, 'xoshiro128p', seedPlan) / mt.warmMedianSamplesPerSecond;
  ratios['numba evaluate_pi_mt / evaluate_pi_st'] = mt.warmMedianSamplesPerSecond / st.warmMedianSamplesPerSecond;
}
console.log(JSON.stringify({ ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, +v.toFixed(2)])), loadAverage: loadavg().map((x) => +x.toFixed(2)) }));
