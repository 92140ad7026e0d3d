import { resolveEstimateOptions, type EstimateOptions, type Estimator, type PiResult } from '@pi/core';
import { openNodeGpu, type OpenNodeGpuOptions } from './_dawn.js';
import { createPiKernel, type PiKernel, type PiKernelOptions } from './piKernel.js';

/** Options of the `webgpu` (kernel) estimator in Node. */
export interface KernelEstimatorOptions extends OpenNodeGpuOptions, PiKernelOptions {}

/**
 * The `webgpu` backend in Node: the fused WGSL kernel on Dawn's adapter (a real GPU, or SwiftShader,
 * named as software in every result). Keeps the reproducibility contract. The device opens on the first
 * run (cold: adapter, device, shader compile) and is reused after (warm).
 */
export function kernelEstimator(options: KernelEstimatorOptions = {}): Estimator & { readonly kernel: () => Promise<PiKernel> } {
  let kernel: Promise<PiKernel> | undefined;
  const getKernel = () => {
    // The kernel holds `gpu` (Dawn's instance) through its closure so it lives as long as the device.
    kernel ??= openNodeGpu(options).then((gpu) => Object.assign(createPiKernel(gpu.device, gpu.summary, options), { gpu }));
    kernel.catch(() => {
      kernel = undefined;
    });
    return kernel;
  };
  return {
    name: options.backendName ?? 'webgpu',
    reproducible: true,
    kernel: getKernel,
    run: async (resolved) => (await getKernel()).run(resolved),
    dispose: async () => {
      if (kernel !== undefined) (await kernel.catch(() => undefined))?.dispose();
    },
  };
}

/**
 * Estimates π with the WGSL kernel on this machine's WebGPU adapter (a GPU, or SwiftShader, named as
 * software in the result); options validated here. The same `inside` as `estimateLoop`.
 *
 * @example
 * ```ts
 * import { estimateKernel } from '@pi/gpu-tf';
 *
 * const result = await estimateKernel({ samples: 1e9, seed: 1 });
 * console.log(result.pi, result.details); // { adapter, software, … }
 * ```
 */
export async function estimateKernel(options: EstimateOptions = {}, kernelOptions: KernelEstimatorOptions = {}): Promise<PiResult> {
  const estimator = kernelEstimator(kernelOptions);
  try {
    return await estimator.run(resolveEstimateOptions(options));
  } finally {
    await estimator.dispose?.();
  }
}
