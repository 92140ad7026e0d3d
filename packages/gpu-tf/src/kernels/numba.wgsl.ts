/**
 * WGSL for the seed's GPU generator, numba.cuda.random's xoroshiro128+ (rotl 55, shift 14, rotl 36), its
 * float32 draw and the seed's float32 inside rule. The one source every kernel drawing numba points includes.
 *
 * State: `vec4<u32>` = [s0 lo, s0 hi, s1 lo, s1 hi] as in @pi/core. WGSL has no 64-bit integers: adds,
 * rotations and shifts are written on u32 pairs.
 *
 * Draw: float32((x >> 11) · 2^-53) rounded to nearest, ties to even, as numba's
 * xoroshiro128p_uniform_float32. The f32 is built from its bits with integer ops and bitcast, so no
 * floating-point rounding mode or conversion accuracy of the device is involved.
 *
 * Inside: f32(f32(x·x) + f32(y·y)) ≤ 1, unfused. A compiler may contract x*x + y*y into an FMA (WGSL does
 * not forbid it), which changes the rounded sum by at most an ulp or two near 1, so a quick f32 test from
 * approximate draws decides every point farther than 2^-18 from the circle, and the few others are
 * settled exactly: the draws built exactly, each square rounded to f32 with integer ops (no multiply
 * left for the compiler to fuse), and one f32 add, which WGSL requires to be correctly rounded.
 * Subnormal flushing cannot matter: the smallest non-zero draw is 2^-53 and its square, 2^-106, is a
 * normal f32.
 */
export const numbaWgsl = /* wgsl */ `
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

// The f32 m · 2^(e-23) (leading bit 2^e) for a mantissa m in [2^23, 2^24], 2^24 after a rounding carry:
// adding m to the exponent field adds its implicit bit there, so a carry to 2^24 bumps the exponent by itself.
fn numbaPackF32(e: i32, m: u32) -> f32 {
  return bitcast<f32>((u32(e + 126) << 23u) + m);
}

// float32(v · 2^-53) for a 53-bit v = (hi << 32) | lo, rounded to nearest even.
fn numbaToF32(hi: u32, lo: u32) -> f32 {
  var n: u32;
  if (hi != 0u) { n = 64u - countLeadingZeros(hi); } else { n = 32u - countLeadingZeros(lo); }
  if (n == 0u) { return 0.0; }
  if (n <= 24u) { return numbaPackF32(i32(n) - 54, lo << (24u - n)); }
  let shift = n - 24u; // 1 … 29
  var m = (lo >> shift) | (hi << (32u - shift));
  let rem = lo & ((1u << shift) - 1u);
  let half = 1u << (shift - 1u);
  if (rem > half || (rem == half && (m & 1u) == 1u)) { m += 1u; }
  return numbaPackF32(i32(n) - 54, m);
}

// The exact draw from a raw output (lo, hi): (out >> 11) · 2^-53 as float32.
fn numbaDraw(out: vec2<u32>) -> f32 {
  return numbaToF32(out.y >> 11u, (out.x >> 11u) | (out.y << 21u));
}

// f32(x·x) with integer ops: the 48-bit square of the 24-bit mantissa, rounded to 24 bits, nearest even.
fn numbaSquareF32(x: f32) -> f32 {
  let bits = bitcast<u32>(x);
  if (bits == 0u) { return 0.0; }
  let m = (bits & 0x7fffffu) | 0x800000u;
  let e = i32(bits >> 23u) - 127; // x = m · 2^(e-23)
  // m² = h²·2^32 + 2hl·2^16 + l² with m = h·2^16 + l.
  let l = m & 0xffffu;
  let h = m >> 16u;
  let mid = 2u * h * l;
  let low = l * l;
  let lo = low + (mid << 16u);
  let hi = h * h + (mid >> 16u) + select(0u, 1u, lo < low);
  // m² lies in [2^46, 2^48): 47 or 48 bits, so 23 or 24 bits are rounded off.
  let n = 64u - countLeadingZeros(hi);
  let shift = n - 24u;
  var r = (lo >> shift) | (hi << (32u - shift));
  let rem = lo & ((1u << shift) - 1u);
  let half = 1u << (shift - 1u);
  if (rem > half || (rem == half && (r & 1u) == 1u)) { r += 1u; }
  // x² = m² · 2^(2e-46); its top bit is 2^(n-1+2e-46).
  return numbaPackF32(i32(n) - 1 + 2 * e - 46, r);
}

// 1 when the point (x, y) is inside by the seed's float32 rule; exact near the circle.
fn numbaInside(xo: vec2<u32>, yo: vec2<u32>) -> u32 {
  // Quick draws: within 2^-23 relative of the exact ones.
  let qx = f32(xo.y) * 2.3283064365386963e-10;
  let qy = f32(yo.y) * 2.3283064365386963e-10;
  let d = qx * qx + qy * qy - 1.0;
  if (abs(d) > 3.814697265625e-6) { // 2^-18
    return select(0u, 1u, d < 0.0);
  }
  let x = numbaDraw(xo);
  let y = numbaDraw(yo);
  let sum = numbaSquareF32(x) + numbaSquareF32(y);
  return select(0u, 1u, sum <= 1.0);
}

// Draws one point (x first) and says whether it is inside: the hook every π kernel calls.
fn drawInside(s: ptr<function, vec4<u32>>) -> u32 {
  let xo = numbaNext(s);
  let yo = numbaNext(s);
  return numbaInside(xo, yo);
}
`;
