/**
 * Counts inside points for numba's xoroshiro128+ (the seed's GPU generator), exactly as the seed's
 * compute_pi_kernel decides them, from `state` ([s0 lo, s0 hi, s1 lo, s1 hi]), leaving the advanced
 * state there. 64-bit words are kept as 32-bit halves; @pi/core's BigInt generator is the reference.
 */
export function countNumba(state: Int32Array, points: number): number {
  let s0l = state[0]! | 0;
  let s0h = state[1]! | 0;
  let s1l = state[2]! | 0;
  let s1h = state[3]! | 0;
  let inside = 0;
  for (let i = 0; i < points; i++) {
    // Draw x: output s0 + s1 (64-bit add with carry), then (out >> 11) · 2^-53 as hi·2^-32 + (lo >>> 11)·2^-53,
    // whose two terms share no bits, so the double sum is exact; Math.fround rounds it to float32.
    let lo = (s0l >>> 0) + (s1l >>> 0);
    let hi = (s0h + s1h + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    const x = Math.fround(hi * 2.3283064365386963e-10 + (lo >>> 11) * 1.1102230246251565e-16);
    // Step: s1 ^= s0; s0 = rotl(s0, 55) ^ s1 ^ (s1 << 14); s1 = rotl(s1, 36).
    let th = s1h ^ s0h;
    let tl = s1l ^ s0l;
    let nh = ((s0h >>> 9) | (s0l << 23)) ^ th ^ ((th << 14) | (tl >>> 18));
    s0l = ((s0l >>> 9) | (s0h << 23)) ^ tl ^ (tl << 14);
    s0h = nh;
    s1h = (tl << 4) | (th >>> 28);
    s1l = (th << 4) | (tl >>> 28);

    // Draw y, the same way.
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

    // The seed's float32 rule: f32(f32(x²) + f32(y²)) ≤ 1.
    inside += +(Math.fround(Math.fround(x * x) + Math.fround(y * y)) <= 1);
  }
  state[0] = s0l;
  state[1] = s0h;
  state[2] = s1l;
  state[3] = s1h;
  return inside;
}
