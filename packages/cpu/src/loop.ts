import { resolveEstimateOptions, type EstimateOptions, type Estimator, type PiResult } from '@pi/core';
import { runStreams } from './_runStreams.js';
import { streamCounters } from './kernels/streamCounter.js';

/**
 * The seeded, typed loop: every stream of the plan counted in order on this thread with the
 * generator's scalar kernel. Keeps the reproducibility contract; the reference the other backends
 * are compared with. Groups plans give the seed's `evaluate_pi_st(N, I)`.
 */
export const loop: Estimator = {
  name: 'loop',
  reproducible: true,
  run: (options) => runStreams({ backend: 'loop', reproducible: true, counter: streamCounters[options.generator] }, options),
};

/**
 * Estimates π with the `loop` backend: the plan's streams in order on this thread, with the exact inside
 * rule. The reference every reproducible backend must equal. Options are validated here.
 *
 * @example
 * ```ts
 * import { estimateLoop } from '@pi/cpu';
 *
 * const result = await estimateLoop({ samples: 1_000_000, seed: 42 });
 * console.log(result.pi, result.ci, result.inside);
 * // The lecture's evaluate_pi_st(N, I): I groups of N points.
 * const groups = { pointsPerGroup: 50_000, groups: 100 };
 * const st = await estimateLoop({ groups, seed: 1 });
 * ```
 */
export async function estimateLoop(options: EstimateOptions = {}): Promise<PiResult> {
  return loop.run(resolveEstimateOptions(options));
}
