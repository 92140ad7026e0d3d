import type { GeneratorName } from '@pi/core';
import { countNumba } from './countNumba.js';
import { countXoshiro128p } from './countXoshiro128p.js';

/** Counts `points` points from a stream state (4 words, advanced in place); returns how many are inside. */
export type StreamCounter = (state: Int32Array, points: number) => number;

/** The scalar counter of each generator. */
export const streamCounters: Record<GeneratorName, StreamCounter> = {
  xoshiro128p: countXoshiro128p,
  numba: countNumba,
};
