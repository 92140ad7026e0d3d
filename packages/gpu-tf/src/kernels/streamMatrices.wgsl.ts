/**
 * The generator-independent half of the random-stream modules: SplitMix64 seeding on u32 pairs, and jumps
 * and advances as GF(2) matrix–vector products with the powers @pi/core's `streamMatrices(generator)`
 * packs (J^(2^i) at matrix i, T^(2^i) at matrix 64 + i; 128 columns of 4 words each).
 *
 * Binding: `@group(1) @binding(0)`, a read-only storage buffer holding `streamMatrices(generator)` for the
 * generator the kernel draws. 64-bit numbers (seeds, stream numbers, step counts) are `vec2<u32>` (low, high).
 *
 * Cost: one product is 128 masked XORs of a `vec4<u32>` column, and an offset k costs one product per set
 * bit of k, so stream 10^12 starts as fast as stream 1 and no host work grows with the number of streams.
 */
export const streamMatricesWgsl = /* wgsl */ `
@group(1) @binding(0) var<storage, read> streamMatrices: array<vec4<u32>>;

// Matrix \`index\` of streamMatrices applied to a state: the XOR of the columns of its set bits, branch-free.
fn streamApplyMatrix(index: u32, s: vec4<u32>) -> vec4<u32> {
  var acc = vec4<u32>(0u);
  var words = s;
  let base = index * 128u;
  for (var w = 0u; w < 4u; w++) {
    let word = words[w];
    for (var b = 0u; b < 32u; b++) {
      acc ^= streamMatrices[base + w * 32u + b] & vec4<u32>(0u - ((word >> b) & 1u));
    }
  }
  return acc;
}

// The state moved by k (a 64-bit number) applications of the matrix whose powers start at \`first\`.
fn streamPowerApply(first: u32, s: vec4<u32>, k: vec2<u32>) -> vec4<u32> {
  var state = s;
  var bits = k;
  for (var half = 0u; half < 2u; half++) {
    var word = bits[half];
    while (word != 0u) {
      let i = countTrailingZeros(word);
      state = streamApplyMatrix(first + 32u * half + i, state);
      word &= word - 1u;
    }
  }
  return state;
}

// The state jumped k · 2^64 steps: stream k of the stream the state starts.
fn streamJump(s: vec4<u32>, k: vec2<u32>) -> vec4<u32> {
  return streamPowerApply(0u, s, k);
}

// The state advanced m steps (one step per draw).
fn streamAdvance(s: vec4<u32>, m: vec2<u32>) -> vec4<u32> {
  return streamPowerApply(64u, s, m);
}

// The high 32 bits of a · b.
fn streamMulHigh32(a: u32, b: u32) -> u32 {
  let a0 = a & 0xffffu;
  let a1 = a >> 16u;
  let b0 = b & 0xffffu;
  let b1 = b >> 16u;
  let p01 = a0 * b1;
  let p10 = a1 * b0;
  let mid = ((a0 * b0) >> 16u) + (p01 & 0xffffu) + (p10 & 0xffffu);
  return a1 * b1 + (p01 >> 16u) + (p10 >> 16u) + (mid >> 16u);
}

// a · b mod 2^64.
fn streamMul64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return vec2<u32>(a.x * b.x, streamMulHigh32(a.x, b.x) + a.x * b.y + a.y * b.x);
}

// z ^ (z >> k) for 0 < k < 32.
fn streamXorShift64(z: vec2<u32>, k: u32) -> vec2<u32> {
  return z ^ vec2<u32>((z.x >> k) | (z.y << (32u - k)), z.y >> k);
}

// The next SplitMix64 output (Steele, Lea and Flood; Vigna's constants): x += γ, then the mix.
fn splitmix64Next(x: ptr<function, vec2<u32>>) -> vec2<u32> {
  let lo = (*x).x + 0x7f4a7c15u;
  *x = vec2<u32>(lo, (*x).y + 0x9e3779b9u + select(0u, 1u, lo < 0x7f4a7c15u));
  var z = streamMul64(streamXorShift64(*x, 30u), vec2<u32>(0x1ce4e5b9u, 0xbf58476du));
  z = streamMul64(streamXorShift64(z, 27u), vec2<u32>(0x133111ebu, 0x94d049bbu));
  return streamXorShift64(z, 31u);
}
`;
