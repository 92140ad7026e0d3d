// evaluate_pi_st and evaluate_pi_mt: I groups of N points on one core, then
// on every core with worker threads. Same generator, seed and plan, so the
// same count; only the time changes.
import { createWorkersEstimator, estimateSimd } from '@pi/cpu';
import { resolveEstimateOptions } from '@pi/core';

const N = 50_000;
const I = 10_000;
const plan = { groups: { pointsPerGroup: N, groups: I }, seed: 6 };

const one = await estimateSimd(plan);
const pool = createWorkersEstimator();
await pool.run(resolveEstimateOptions({ ...plan, seed: 7 })); // start, warm
const all = await pool.run(resolveEstimateOptions(plan));
const threads = await pool.threads();
await pool.dispose?.();

const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
console.log(`one core: π ≈ ${one.pi.toFixed(5)}, ${ms(one.seconds)}`);
const took = ms(all.seconds);
console.log(`${threads} workers: π ≈ ${all.pi.toFixed(5)}, ${took}`);
console.log(`same count: ${one.inside === all.inside} (${all.inside})`);
