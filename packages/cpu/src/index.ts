/** @pi/cpu: CPU estimators of π. */
export { loop, estimateLoop } from './loop.js';
export { naive, estimateNaive } from './naive.js';
export { countXoshiro128p, countNumba, streamCounters, type StreamCounter } from './kernels/streamCounter.js';
export { drawIndicatorsXoshiro128p, drawIndicatorsNumba, indicatorDrawers, type IndicatorDrawer } from './kernels/drawIndicators.js';
export { simd, estimateSimd } from './simd.js';
export { workers, createWorkersEstimator, estimateWorkers, type WorkersOptions } from './workers.js';
export { simdSupported } from './kernels/simdKernel.js';
export { cpuBackends, MAX_THREADS } from './backends.js';
