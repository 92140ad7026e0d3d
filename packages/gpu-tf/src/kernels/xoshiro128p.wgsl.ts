import { streamMatricesWgsl } from './streamMatrices.wgsl.js';

/**
 * The random-stream module for xoshiro128+ 1.0 (Blackman and Vigna): seeded, launch-independent streams
 * for any WGSL kernel, equal bit for bit to @pi/core's `randomStream('xoshiro128p', …)`.
 *
 * - `xoshiroSeed(seed: vec2<u32>) -> vec4<u32>`: the contract's seeding (SplitMix64's first two outputs);
 * - `xoshiroStreamStart(seed, stream: vec2<u32>) -> vec4<u32>`: stream k's start (k · 2^64 steps in);
 * - `streamAdvance(state, m: vec2<u32>) -> vec4<u32>`: m steps further, as if drawn;
 * - `xoshiroNext(&state) -> u32` (also `xoshiroNextU32`): the next output (s0 + s3);
 * - `xoshiroUniformF32(&state) -> f32`: (r >> 8) · 2^-24, an exact float32 in [0, 1).
 *
 * Bind `streamMatrices('xoshiro128p')` (256 KiB) at `@group(1) @binding(0)`. State: `vec4<u32>` =
 * [s0, s1, s2, s3] as in @pi/core; u32 adds wrap, as in C.
 */
export const xoshiro128pStreamsWgsl = /* wgsl */ `${streamMatricesWgsl}
fn xoshiroNext(s: ptr<function, vec4<u32>>) -> u32 {
  let r = (*s).x + (*s).w;
  let t = (*s).y << 9u;
  (*s).z ^= (*s).x;
  (*s).w ^= (*s).y;
  (*s).y ^= (*s).z;
  (*s).x ^= (*s).w;
  (*s).z ^= t;
  (*s).w = ((*s).w << 11u) | ((*s).w >> 21u);
  return r;
}

fn xoshiroSeed(seed: vec2<u32>) -> vec4<u32> {
  var x = seed;
  let z0 = splitmix64Next(&x);
  let z1 = splitmix64Next(&x);
  return vec4<u32>(z0, z1);
}

fn xoshiroStreamStart(seed: vec2<u32>, stream: vec2<u32>) -> vec4<u32> {
  return streamJump(xoshiroSeed(seed), stream);
}

fn xoshiroNextU32(s: ptr<function, vec4<u32>>) -> u32 {
  return xoshiroNext(s);
}

fn xoshiroUniformF32(s: ptr<function, vec4<u32>>) -> f32 {
  return f32(xoshiroNext(s) >> 8u) * 5.9604644775390625e-8;
}
`;

/**
 * WGSL for the contract's default generator's points: the random-stream module above and the exact inside
 * rule. The one source every kernel that draws xoshiro128+ points includes.
 *
 * State: `vec4<u32>` = [s0, s1, s2, s3] as in @pi/core. Output s0 + s3 (u32 adds wrap, as in C).
 *
 * Inside rule: X = r1 >> 8, Y = r2 >> 8, inside iff (2X+1)² + (2Y+1)² < 2^50. WGSL has no 64-bit
 * integers or doubles, so the test runs in f32 first: f32(X)+0.5 rounds by at most 2^-24 relative, the
 * squares and the sum add at most three more roundings, so the f32 sum is within 2^-21 (relative) of the
 * exact one whether or not the compiler fuses the multiply-add. Only sums within 2^-19 of 2^48 (about
 * one point in 10^5) are settled again with exact 64-bit arithmetic on 16-bit limbs.
 */
export const xoshiro128pWgsl = /* wgsl */ `${xoshiro128pStreamsWgsl}
// a² for a < 2^25 as (low word, high word): a = h·2^16 + l, a² = h²·2^32 + 2hl·2^16 + l².
fn xoshiroSquare64(a: u32) -> vec2<u32> {
  let l = a & 0xffffu;
  let h = a >> 16u;
  let mid = 2u * h * l;
  let low = l * l;
  let lo = low + (mid << 16u);
  let carry = select(0u, 1u, lo < low);
  return vec2<u32>(lo, h * h + (mid >> 16u) + carry);
}

// The contract's rule, exactly: (2X+1)² + (2Y+1)² < 2^50 ⇔ the high word of the 64-bit sum is below 2^18.
fn xoshiroInsideExact(x: u32, y: u32) -> bool {
  let a = xoshiroSquare64(2u * x + 1u);
  let b = xoshiroSquare64(2u * y + 1u);
  let lo = a.x + b.x;
  let hi = a.y + b.y + select(0u, 1u, lo < a.x);
  return hi < 0x40000u;
}

// 1 when the point drawn from r1, r2 is inside; f32 first, exact near the circle.
fn xoshiroInside(r1: u32, r2: u32) -> u32 {
  let x = r1 >> 8u;
  let y = r2 >> 8u;
  let fx = f32(x) + 0.5;
  let fy = f32(y) + 0.5;
  let d = fx * fx + fy * fy - 281474976710656.0; // 2^48
  if (abs(d) > 536870912.0) { // 2^29 = 2^48 · 2^-19
    return select(0u, 1u, d < 0.0);
  }
  return select(0u, 1u, xoshiroInsideExact(x, y));
}

// Draws one point (x first) and says whether it is inside: the hook every π kernel calls.
fn drawInside(s: ptr<function, vec4<u32>>) -> u32 {
  let r1 = xoshiroNext(s);
  let r2 = xoshiroNext(s);
  return xoshiroInside(r1, r2);
}
`;
