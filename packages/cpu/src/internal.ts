/**
 * @pi/cpu/internal: the WebAssembly SIMD kernels as the project's executors drive them (the `simd`
 * backend and each worker of `workers`), for benchmarks and a worker of one's own. Not part of the public
 * API: it may change in any release.
 */
export { SimdStreamCounter, compileSimdKernel, SIMD_CHUNK, SIMD_WIDE_LANES, type StreamDone } from './kernels/simdKernel.js';
