/**
 * @pi/gpu-tf for browsers (and any host with a GPUDevice): the fused π kernel, its WGSL sources and adapter
 * summaries. Nothing here imports Node modules or Dawn.
 */
export { createPiKernel, compileCompute, type PiKernel, type PiKernelOptions } from './piKernel.js';
export { summarizeAdapter, type GpuAdapterSummary } from './adapterInfo.js';
export { piKernelWgsl, PI_WORKGROUP_SIZE } from './kernels/piKernel.wgsl.js';
export { xoshiro128pWgsl, xoshiro128pStreamsWgsl } from './kernels/xoshiro128p.wgsl.js';
export { numbaWgsl, numbaStreamsWgsl } from './kernels/numba.wgsl.js';
export { streamMatricesWgsl } from './kernels/streamMatrices.wgsl.js';
export { ballVolumeWgsl } from './kernels/ballVolume.wgsl.js';
export { countBallPoints, countBallPointsCpu, type BallCountOptions, type BallCount } from './ballVolume.js';
export { runCompute, type ComputeRun } from './runCompute.js';
export {
  PiDispatchPlanner,
  checkPointsPerInvocation,
  DEFAULT_POINTS_PER_INVOCATION,
  MAX_STREAMS_PER_DISPATCH,
  type PiDispatch,
  type PiDispatchRun,
} from './piDispatches.js';
export { computePiOnGpu, SEED_OF_THE_SEED } from './computePiOnGpu.js';
export {
  runTransferDemo,
  maxTransferLength,
  INCREMENT_BY_ONE_WGSL,
  type TransferOptions,
  type TransferProgress,
  type TransferResult,
} from './transfer.js';
export { runTensors, TENSOR_CHUNK, type TensorsRunContext } from './tensors.js';
export { gpuTfBackends, probeBrowserWebGpu } from './backends.browser.js';
