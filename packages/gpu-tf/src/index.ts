/**
 * @pi/gpu-tf for Node: the seed's GPU section with TensorFlow.js and WebGPU. Dawn (the `webgpu` package)
 * and tfjs load only when a function here needs them. Browser bundles import `@pi/gpu-tf/browser`.
 */
export * from './browser.js';
export { hasVulkanDriver, openNodeGpu, prepareDawnEnvironment, SWIFTSHADER_ICD, type NodeGpu, type OpenNodeGpuOptions } from './_dawn.js';
export { kernelEstimator, estimateKernel, type KernelEstimatorOptions } from './kernelEstimator.js';
export { tensorsEstimator, estimateTensors, type TensorsEstimatorOptions } from './tensorsEstimator.js';
export { useTfBackend, probeTfBackends, TF_BACKENDS, TENSORFLOW_HELP, type TfBackendName, type TfSession } from './tfBackend.js';
export { describeGpu, gpuInfoLines, type GpuInfo } from './gpuInfo.js';
/** The Node descriptors (Dawn for WebGPU); they replace the browser's of the same name. */
export { gpuTfBackends } from './backends.js';
