// compute_pi_on_gpu(N, I): the seed's kernel on WebGPU. I threads draw N
// points each from numba's generator (thread i on stream i); the WGSL
// kernel counts in registers and sums on the device. With seed 1234 and
// 500 × 64, the per-thread counts are numba's own.
import { computePiOnGpu, kernelEstimator } from '@pi/gpu-tf';

const estimator = kernelEstimator();
const kernel = await estimator.kernel(); // open the device, compile

const result = await computePiOnGpu(kernel, 500, 64, 1234);
console.log(`inside: ${result.inside}`); // 25183, as numba counts it
console.log(`first threads: ${result.groupCounts?.slice(0, 4).join(', ')}`);
console.log(`np.mean(out): ${result.pi.toFixed(6)}`);
console.log(`on: ${String(result.details?.['adapter'])}`);

await estimator.dispose?.();
