import type { GeneratorName } from '@pi/core';
import { countNumba, countXoshiro128p } from './_scalarKernels.generated.js';

export { countNumba, countXoshiro128p };

/** Counts `points` points from a stream state (4 words, advanced in place); returns how many are inside. */
export type StreamCounter = (state: Int32Array, points: number) => number;

/** The scalar counter of each generator (scripts/build-kernels.mjs writes them with their indicator twins). */
export const streamCounters: Record<GeneratorName, StreamCounter> = {
  xoshiro128p: countXoshiro128p,
  numba: countNumba,
};
