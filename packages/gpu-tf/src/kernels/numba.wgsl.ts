import { streamMatricesWgsl } from './streamMatrices.wgsl.js';

/**
 * The random-stream module for numba.cuda.random's xoroshiro128+ (rotl 55, shift 14, rotl 36): seeded,
 * launch-independent streams for any WGSL kernel, equal bit for bit to @pi/core's `randomStream('numba', …)`
 * and to numba's own per-thread streams (thread i = stream i).
 *
 * - `numbaSeed(seed: vec2<u32>) -> vec4<u32>`: numba's `init_xoroshiro128p_state` (SplitMix64, s0 = s1);
 * - `numbaStreamStart(seed, stream: vec2<u32>) -> vec4<u32>`: stream k's start (k · 2^64 steps in), what
 *   numba's `create_xoroshiro128p_states` computes on the host one thread after another;
 * - `streamAdvance(state, m: vec2<u32>) -> vec4<u32>`: m steps further, as if drawn;
 * - `numbaNext(&state) -> vec2<u32>`: the next 64-bit output s0 + s1 as (low, high);
 * - `numbaNextU32(&state) -> u32`: its high 32 bits;
 * - `numbaUniformF32(&state) -> f32`: `xoroshiro128p_uniform_float32`, float32((x >> 11) · 2^-53)
 *   rounded to nearest even (the device's default rounding), exactly, in [0, 1].
 *
 * Bind `streamMatrices('numba')` (256 KiB) at `@group(1) @binding(0)`. State: `vec4<u32>` = [s0 lo, s0 hi,
 * s1 lo, s1 hi] as in @pi/core. WGSL has no 64-bit integers: adds, rotations and shifts are on u32 pairs.
 */
export const numbaStreamsWgsl = /* wgsl */ `${streamMatricesWgsl}
// One step; returns the output s0 + s1 as (lo, hi).
fn numbaNext(s: ptr<function, vec4<u32>>) -> vec2<u32> {
  let s0 = (*s).xy;
  let s1 = (*s).zw;
  let lo = s0.x + s1.x;
  let out = vec2<u32>(lo, s0.y + s1.y + select(0u, 1u, lo < s0.x));
  let t = s1 ^ s0;
  // rotl(s0, 55) = rotr(s0, 9); t << 14; rotl(t, 36) = swap halves then rotl 4.
  let r55 = vec2<u32>((s0.x >> 9u) | (s0.y << 23u), (s0.y >> 9u) | (s0.x << 23u));
  let sh14 = vec2<u32>(t.x << 14u, (t.y << 14u) | (t.x >> 18u));
  let n0 = r55 ^ t ^ sh14;
  let n1 = vec2<u32>((t.y << 4u) | (t.x >> 28u), (t.x << 4u) | (t.y >> 28u));
  *s = vec4<u32>(n0, n1);
  return out;
}

fn numbaSeed(seed: vec2<u32>) -> vec4<u32> {
  var x = seed;
  let z = splitmix64Next(&x);
  return vec4<u32>(z, z);
}

fn numbaStreamStart(seed: vec2<u32>, stream: vec2<u32>) -> vec4<u32> {
  return streamJump(numbaSeed(seed), stream);
}

fn numbaNextU32(s: ptr<function, vec4<u32>>) -> u32 {
  return numbaNext(s).y;
}

// For v = x >> 11 at least 2^31 the draw is the sum of two exact f32 parts (see numbaDraw); below, v fits
// 31 bits and (v >> 8) · 2^8 + (v & 255) is again two exact parts whose one rounded add is f32(v).
fn numbaUniformF32(s: ptr<function, vec4<u32>>) -> f32 {
  let out = numbaNext(s);
  let v = (out.y << 21u) | (out.x >> 11u);
  let small = (f32(v >> 8u) * 256.0 + f32(v & 0xffu)) * 1.1102230246251565e-16;
  return select(numbaDraw(out), small, out.y < 0x400u);
}
// float32(v · 2^-53) for the 53-bit v = out >> 11 of a raw output (lo, hi), rounded to nearest even, when
// v ≥ 2^31 (the draw is at least 2^-22); below that, some value of at most 2^-22, which decides the same.
fn numbaDraw(out: vec2<u32>) -> f32 {
  // (v >> 29) · 2^-24 plus ((v >> 6) & (2^23 - 1), with the 6 bits below as a sticky bit) · 2^-47.
  let low = ((out.y & 0xffu) << 15u) | (out.x >> 17u) | select(0u, 1u, (out.x & 0x1f800u) != 0u);
  return f32(out.y >> 8u) * 5.9604644775390625e-8 + f32(low) * 7.105427357601002e-15;
}

`;

/**
 * WGSL for the seed's GPU points: the numba random-stream module above, its fast float32 draw and the seed's
 * float32 inside rule. The one source every kernel drawing numba points includes.
 *
 * State: `vec4<u32>` = [s0 lo, s0 hi, s1 lo, s1 hi] as in @pi/core. WGSL has no 64-bit integers: adds,
 * rotations and shifts are written on u32 pairs.
 *
 * Draw: float32((x >> 11) · 2^-53) rounded to nearest, ties to even, as numba's
 * xoroshiro128p_uniform_float32. The 53-bit v = x >> 11 is split into two parts that are exact f32 values,
 * and one f32 add rounds their sum, so the draw costs two conversions and an add (no leading-zero count,
 * no 64-bit shifts). For v ≥ 2^31 the parts are the top 24 bits (v >> 29) · 2^29 and the low 29 bits kept
 * to 23 bits with the 6 dropped ones folded into their lowest bit (a sticky bit): the rounding unit of v is
 * then at least 2^8, and whether the dropped part is below, at or above half of it, and the bits it rounds
 * at, are unchanged, so the add rounds to the same f32. For v < 2^31 (one draw in 4 million) the result is
 * not numba's draw but, like numba's, at most 2^-22: its square is below 2^-43, the other square is at most
 * 1, so the sum is below 1 + 2^-43 and rounds to at most 1 (nearest even): inside, as numba decides it.
 * All products are by powers of two and exact, so contraction into an FMA changes nothing.
 *
 * Inside: f32(f32(x·x) + f32(y·y)) ≤ 1, unfused. A compiler may contract x*x + y*y into an FMA (WGSL does
 * not forbid it), so each square is taken as the bits of an f32 multiply (bits that integer code reads
 * cannot be fused into an add) and checked with integer arithmetic: the exact 48-bit square minus the
 * candidate, both modulo 2^32, is the true remainder (it is below 2^25 in size), and the candidate moves
 * one ulp when the remainder says round-to-nearest-even picks the neighbour. So the squares are exact
 * whichever way the device rounds a multiply. The two adds (draw and sum) assume round to nearest even,
 * the default of Vulkan, Metal and D3D (WGSL itself also allows rounding the other way); the on-device
 * boundary tests check ties and points at the circle. Subnormal flushing cannot matter: every non-zero
 * operand and result is at least 2^-94, a normal f32. The whole test is branch-free: a SIMD software
 * adapter (SwiftShader) runs every branch of a lane group, so a rarely-taken exact branch still cost
 * every point there.
 */
export const numbaWgsl = /* wgsl */ `${numbaStreamsWgsl}
// f32(x·x) rounded to nearest even for a draw x (0 or at least 2^-47), whatever way the multiply rounds.
fn numbaSquareF32(x: f32) -> f32 {
  // The product is read as bits, so it cannot be fused into an add; it is within one ulp of x².
  return numbaRoundSquare(x, bitcast<u32>(x * x));
}

// f32(x·x) rounded to nearest even, from the bits pb of either f32 next to x² (or x² itself).
fn numbaRoundSquare(x: f32, pb: u32) -> f32 {
  let xb = bitcast<u32>(x);
  let m = (xb & 0x7fffffu) | 0x800000u; // x = m · 2^(ex - 150), ex the biased exponent
  let mp = (pb & 0x7fffffu) | 0x800000u; // candidate p = mp · 2^(ep - 150)
  let k = (pb >> 23u) + 150u - 2u * (xb >> 23u); // x² = m² · 2^(2ex - 300) and p = mp · 2^k in those units: k is 23, 24 or 25
  // m² − mp·2^k is below 2^25 in size, so its value modulo 2^32 is exact as an i32.
  let r = bitcast<i32>(m * m - (mp << k));
  let ar = u32(abs(r));
  // Half an ulp on the side of x²: below a power of two the ulp is half as large.
  let half = select(1u << (k - 1u), 1u << (k - 2u), r < 0 && mp == 0x800000u);
  let away = ar > half || (ar == half && (mp & 1u) == 1u);
  let rounded = select(pb, select(pb - 1u, pb + 1u, r > 0), away);
  return bitcast<f32>(select(rounded, 0u, xb == 0u));
}

// 1 when the point (x, y) is inside by the seed's float32 rule, exactly.
fn numbaInside(xo: vec2<u32>, yo: vec2<u32>) -> u32 {
  let sum = numbaSquareF32(numbaDraw(xo)) + numbaSquareF32(numbaDraw(yo));
  return select(0u, 1u, sum <= 1.0);
}

// Draws one point (x first) and says whether it is inside: the hook every π kernel calls.
fn drawInside(s: ptr<function, vec4<u32>>) -> u32 {
  let xo = numbaNext(s);
  let yo = numbaNext(s);
  return numbaInside(xo, yo);
}
`;
