import { groupsPlan, type PiResult } from '@pi/core';
import type { PiKernel } from './piKernel.js';

/** The seed's seed for create_xoroshiro128p_states in compute_pi_on_gpu. */
export const SEED_OF_THE_SEED = 20220116;

/**
 * The seed's `compute_pi_on_gpu(N, I)`: I threads (groups) of N points each with numba's generator, thread i
 * on stream i, each thread's count kept; π̂ is the mean of the per-thread estimates 4·inside/N, as the seed's
 * `np.mean(out.copy_to_host())`. Per-thread counts equal numba's kernel (tested against its simulator).
 *
 * @example
 * ```ts
 * import { computePiOnGpu, kernelEstimator } from '@pi/gpu-tf';
 *
 * const estimator = kernelEstimator();
 * const result = await computePiOnGpu(await estimator.kernel(), 500, 64, 1234);
 * console.log(result.inside); // 25183, as numba counts it
 * await estimator.dispose?.();
 * ```
 */
export function computePiOnGpu(kernel: PiKernel, N: number, I: number, seed: number = SEED_OF_THE_SEED): Promise<PiResult> {
  return kernel.run({ plan: groupsPlan(N, I), generator: 'numba', seed });
}
