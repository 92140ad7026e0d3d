import type { GeneratorName } from '@pi/core';
import { drawIndicatorsNumba, drawIndicatorsXoshiro128p } from './_scalarKernels.generated.js';

export { drawIndicatorsNumba, drawIndicatorsXoshiro128p };

/**
 * Writes one 0/1 inside indicator per point into `out[offset]`, `out[offset + 1]`, … and returns how many are 1.
 * Advances `state` in place, exactly as the counting kernel of the same generator does, so the indicators of a
 * stream sum to that kernel's count and the state ends where the kernel's would.
 */
export type IndicatorDrawer = (state: Int32Array, points: number, out: Uint8Array, offset?: number) => number;

/** The indicator kernel of each generator, twin of `streamCounters` (both from scripts/build-kernels.mjs). */
export const indicatorDrawers: Record<GeneratorName, IndicatorDrawer> = {
  xoshiro128p: drawIndicatorsXoshiro128p,
  numba: drawIndicatorsNumba,
};
