import { resolveEstimateOptions, type EstimateOptions, type Estimator, type PiResult } from '@pi/core';
import { runStreams } from './_runStreams.js';

/** The seed's vanilla `calculate_pi` body: two `Math.random()` draws, inside iff x² + y² < 1. */
function countMathRandom(_state: Int32Array, points: number): number {
  let inside = 0;
  for (let i = 0; i < points; i++) {
    const x = Math.random();
    const y = Math.random();
    if (x * x + y * y < 1) inside++;
  }
  return inside;
}

/**
 * The seed's vanilla loop in plain JavaScript with `Math.random`, the baseline of the timing tables.
 * `Math.random` takes no seed, so its results say `reproducible: false`, `generator: "Math.random"`.
 */
export const naive: Estimator = {
  name: 'naive',
  reproducible: false,
  run: (options) =>
    runStreams(
      { backend: 'naive', reproducible: false, counter: countMathRandom, source: { generator: 'Math.random', seed: null } },
      options,
    ),
};

/**
 * Estimates π with the `naive` backend: the lecture's `calculate_pi`, `Math.random` and
 * `x*x + y*y < 1`. Not reproducible (`Math.random` takes no seed); its result says so.
 *
 * @example
 * ```ts
 * import { estimateNaive } from '@pi/cpu';
 *
 * const { pi, reproducible } = await estimateNaive({ samples: 5_000_000 });
 * console.log(pi, reproducible); // …, false
 * ```
 */
export async function estimateNaive(options: EstimateOptions = {}): Promise<PiResult> {
  return naive.run(resolveEstimateOptions(options));
}
