import { XOSHIRO_INSIDE_LIMIT, type GeneratorName } from '@pi/core';

const MIDPOINT_LIMIT = XOSHIRO_INSIDE_LIMIT / 4;

/**
 * Writes one 0/1 inside indicator per point into `out[offset]`, `out[offset + 1]`, … and returns how many are 1.
 * Advances `state` in place, exactly as the counting kernel of the same generator does, so the indicators of a
 * stream sum to that kernel's count and the state ends where the kernel's would.
 */
export type IndicatorDrawer = (state: Int32Array, points: number, out: Uint8Array, offset?: number) => number;

/**
 * xoshiro128+ indicators: point i of the stream is inside iff (2X+1)² + (2Y+1)² < 2^50, the rule of
 * `countXoshiro128p` (written out again here, not called per point, so the loop stays as fast as the counter's).
 */
export function drawIndicatorsXoshiro128p(state: Int32Array, points: number, out: Uint8Array, offset = 0): number {
  let s0 = state[0]! | 0;
  let s1 = state[1]! | 0;
  let s2 = state[2]! | 0;
  let s3 = state[3]! | 0;
  let inside = 0;
  for (let i = 0; i < points; i++) {
    const x = (((s0 + s3) | 0) >>> 8) + 0.5;
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);

    const y = (((s0 + s3) | 0) >>> 8) + 0.5;
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);

    // The contract's rule divided by 4, exact in doubles (see countXoshiro128p).
    const hit = +(x * x + y * y < MIDPOINT_LIMIT);
    out[offset + i] = hit;
    inside += hit;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return inside;
}

/**
 * numba xoroshiro128+ indicators: inside iff f32(f32(x²) + f32(y²)) ≤ 1 with float32 draws, the seed's
 * `compute_pi_kernel` rule and `countNumba`'s (state as [s0 lo, s0 hi, s1 lo, s1 hi]).
 */
export function drawIndicatorsNumba(state: Int32Array, points: number, out: Uint8Array, offset = 0): number {
  let s0l = state[0]! | 0;
  let s0h = state[1]! | 0;
  let s1l = state[2]! | 0;
  let s1h = state[3]! | 0;
  let inside = 0;
  for (let i = 0; i < points; i++) {
    // x = f32((s0 + s1) >> 11 · 2^-53), the 64-bit sum kept as 32-bit halves (see countNumba).
    let lo = (s0l >>> 0) + (s1l >>> 0);
    let hi = (s0h + s1h + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    const x = Math.fround(hi * 2.3283064365386963e-10 + (lo >>> 11) * 1.1102230246251565e-16);
    let th = s1h ^ s0h;
    let tl = s1l ^ s0l;
    let nh = ((s0h >>> 9) | (s0l << 23)) ^ th ^ ((th << 14) | (tl >>> 18));
    s0l = ((s0l >>> 9) | (s0h << 23)) ^ tl ^ (tl << 14);
    s0h = nh;
    s1h = (tl << 4) | (th >>> 28);
    s1l = (th << 4) | (tl >>> 28);

    lo = (s0l >>> 0) + (s1l >>> 0);
    hi = (s0h + s1h + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    const y = Math.fround(hi * 2.3283064365386963e-10 + (lo >>> 11) * 1.1102230246251565e-16);
    th = s1h ^ s0h;
    tl = s1l ^ s0l;
    nh = ((s0h >>> 9) | (s0l << 23)) ^ th ^ ((th << 14) | (tl >>> 18));
    s0l = ((s0l >>> 9) | (s0h << 23)) ^ tl ^ (tl << 14);
    s0h = nh;
    s1h = (tl << 4) | (th >>> 28);
    s1l = (th << 4) | (tl >>> 28);

    const hit = +(Math.fround(Math.fround(x * x) + Math.fround(y * y)) <= 1);
    out[offset + i] = hit;
    inside += hit;
  }
  state[0] = s0l;
  state[1] = s0h;
  state[2] = s1l;
  state[3] = s1h;
  return inside;
}

/** The indicator kernel of each generator, twin of `streamCounters`. */
export const indicatorDrawers: Record<GeneratorName, IndicatorDrawer> = {
  xoshiro128p: drawIndicatorsXoshiro128p,
  numba: drawIndicatorsNumba,
};
