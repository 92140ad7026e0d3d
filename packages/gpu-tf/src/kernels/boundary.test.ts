import { insideNumba, insideXoshiro } from '@pi/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openNodeGpu, type NodeGpu } from '../index.js';
import { runCompute } from '../runCompute.js';
import { numbaWgsl } from './numba.wgsl.js';
import { xoshiro128pWgsl } from './xoshiro128p.wgsl.js';

// The exact parts of the WGSL sources, on points the random streams almost never reach: cells that touch
// the circle, rounding ties of the float32 draw, squares whose rounding decides the rule. Each WGSL
// function is run on the device and compared with @pi/core's rules (doubles, Math.fround).

let gpu: NodeGpu;
beforeAll(async () => {
  gpu = await openNodeGpu();
});
afterAll(() => undefined);

/** Runs `fn apply(a: vec4<u32>) -> vec4<u32>` over inputs on the device. */
function runOnDevice(source: string, apply: string, inputs: Uint32Array): Promise<Uint32Array> {
  const code = `${source}
@group(0) @binding(0) var<storage, read_write> data: array<vec4<u32>>;
${apply}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x < arrayLength(&data)) { data[gid.x] = apply(data[gid.x]); }
}`;
  return runCompute(gpu.device, { code, label: 'boundary test', data: inputs, workgroups: Math.ceil(inputs.length / 4 / 64) });
}

test('xoshiro128p: cells on both sides of the circle decided as insideXoshiro decides them', async () => {
  const pairs: number[] = [];
  // For Y across the quadrant, the X cells next to the circle's edge: (X+½)² + (Y+½)² ≈ 2^48.
  for (let Y = 0; Y < 2 ** 24; Y += 9_973) {
    const edge = Math.floor(Math.sqrt(2 ** 48 - (Y + 0.5) ** 2) - 0.5);
    for (let d = -2; d <= 2; d++) {
      const X = edge + d;
      if (X >= 0 && X < 2 ** 24) pairs.push(X, Y);
    }
  }
  const inputs = new Uint32Array((pairs.length / 2) * 4);
  for (let i = 0; i < pairs.length / 2; i++) {
    // r1 and r2 with X and Y in their top 24 bits; low bits set, to check they are ignored.
    inputs[4 * i] = ((pairs[2 * i]! << 8) | 0xab) >>> 0;
    inputs[4 * i + 1] = ((pairs[2 * i + 1]! << 8) | 0x5c) >>> 0;
  }
  const out = await runOnDevice(
    xoshiro128pWgsl,
    'fn apply(a: vec4<u32>) -> vec4<u32> { return vec4<u32>(xoshiroInside(a.x, a.y), 0u, 0u, 0u); }',
    inputs,
  );
  let insideCount = 0;
  for (let i = 0; i < pairs.length / 2; i++) {
    const expected = insideXoshiro(inputs[4 * i]!, inputs[4 * i + 1]!) ? 1 : 0;
    insideCount += expected;
    expect(out[4 * i], `X=${pairs[2 * i]} Y=${pairs[2 * i + 1]}`).toBe(expected);
  }
  // Both sides of the boundary were exercised.
  expect(insideCount).toBeGreaterThan(0);
  expect(insideCount).toBeLessThan(pairs.length / 2);
});

test('numba: float32 draws rounded to nearest even, exactly as Math.fround', async () => {
  // Raw 64-bit outputs (lo, hi): ties at every rounding position, halves plus one, the largest (rounds to 1.0), tiny ones.
  const outputs: Array<[number, number]> = [
    [0, 0],
    [0x800, 0],
    [0xffffffff, 0xffffffff],
    [0xfffff800, 0xffffffff],
  ];
  for (let shift = 1; shift <= 29; shift++) {
    for (const top of [0x800000, 0xabcdef, 0xffffff, 0xabcdee]) {
      // v = top·2^shift + half (tie), ±1 around it; out = v << 11.
      for (const extra of [0, 1, -1]) {
        const v = BigInt(top) * (1n << BigInt(shift)) + (1n << BigInt(shift - 1)) + BigInt(extra);
        const out = (v << 11n) & ((1n << 64n) - 1n);
        outputs.push([Number(out & 0xffffffffn), Number(out >> 32n)]);
      }
    }
  }
  const inputs = new Uint32Array(outputs.length * 4);
  outputs.forEach(([lo, hi], i) => inputs.set([lo, hi, 0, 0], 4 * i));
  const out = await runOnDevice(
    numbaWgsl,
    'fn apply(a: vec4<u32>) -> vec4<u32> { let x = numbaDraw(a.xy); return vec4<u32>(bitcast<u32>(x), bitcast<u32>(numbaSquareF32(x)), 0u, 0u); }',
    inputs,
  );
  const f = new Float32Array(1);
  const bits = new Uint32Array(f.buffer);
  let tiny = 0;
  outputs.forEach(([lo, hi], i) => {
    const v = ((BigInt(hi) << 32n) | BigInt(lo)) >> 11n;
    let x = Math.fround(Number(v) * 2 ** -53);
    if (v < 2n ** 31n) {
      // Below 2^-22 the draw need only stay at most 2^-22 (every such point is inside either way).
      tiny++;
      bits[0] = out[4 * i]!;
      x = f[0]!;
      expect(x, `draw of ${hi.toString(16)}:${lo.toString(16)}`).toBeLessThanOrEqual(2 ** -22);
    } else {
      f[0] = x;
      expect(out[4 * i], `draw of ${hi.toString(16)}:${lo.toString(16)}`).toBe(bits[0]);
    }
    f[0] = Math.fround(x * x);
    expect(out[4 * i + 1], `square of ${x}`).toBe(bits[0]);
  });
  expect(tiny).toBeGreaterThan(0);
  expect(tiny).toBeLessThan(outputs.length / 2);
});

test('numba: points at the circle decided as insideNumba decides them', async () => {
  // x from a spread of draws, y the float32 draws nearest to √(1 − x²): sums land on, just under and just over 1.
  const cases: Array<[bigint, bigint]> = [];
  const toRaw = (value: number) => BigInt(Math.round(value * 2 ** 53)) << 11n;
  for (let i = 1; i < 400; i++) {
    const x = Math.fround(i / 401 + 1e-7 * i);
    const y0 = Math.sqrt(1 - x * x);
    for (let k = -3; k <= 3; k++) cases.push([toRaw(x), toRaw(y0 + k * 2 ** -24 * y0)]);
  }
  // Tiny draws (v < 2^31, not rounded as numba rounds them) against the largest ones, 1.0 included.
  const largest = [(1n << 64n) - 1n, ((1n << 53n) - 1n) << 11n, ((1n << 53n) - (1n << 29n)) << 11n, toRaw(Math.fround(1 - 2 ** -24))];
  for (const v of [0n, 1n, 12_345n, (1n << 30n) + 99n, (1n << 31n) - 1n]) {
    for (const y of largest) cases.push([v << 11n, y], [y, v << 11n]);
  }
  const inputs = new Uint32Array(cases.length * 4);
  const mask = 0xffffffffn;
  cases.forEach(([x, y], i) =>
    inputs.set([Number(x & mask), Number((x >> 32n) & mask), Number(y & mask), Number((y >> 32n) & mask)], 4 * i),
  );
  const out = await runOnDevice(
    numbaWgsl,
    'fn apply(a: vec4<u32>) -> vec4<u32> { return vec4<u32>(numbaInside(a.xy, a.zw), 0u, 0u, 0u); }',
    inputs,
  );
  let insideCount = 0;
  cases.forEach(([x, y], i) => {
    const fx = Math.fround(Number(x >> 11n) * 2 ** -53);
    const fy = Math.fround(Number(y >> 11n) * 2 ** -53);
    const expected = insideNumba(fx, fy) ? 1 : 0;
    insideCount += expected;
    expect(out[4 * i], `x=${fx} y=${fy}`).toBe(expected);
  });
  expect(insideCount).toBeGreaterThan(0);
  expect(insideCount).toBeLessThan(cases.length);
});

test('numba: a square rounded either way by the device is corrected to nearest even', async () => {
  // numbaRoundSquare gets each f32 next to x² (what a multiply that rounds up or down may return) and
  // must give Math.fround(x·x). x: ties (m = odd·2^11, so m² ends in 1 then 22 zeros), squares just below
  // and above powers of two, and a spread of draws.
  const f = new Float32Array(1);
  const bits = new Uint32Array(f.buffer);
  const toBits = (v: number) => {
    f[0] = v;
    return bits[0]!;
  };
  const xs: number[] = [];
  for (let o = 4097; o < 5793; o += 2) xs.push(o * 2 ** 11 * 2 ** -24, o * 2 ** 11 * 2 ** -40);
  for (let e = 0; e < 30; e++) {
    const r = Math.fround(Math.SQRT2 * 2 ** -e);
    for (let d = -3; d <= 3; d++) xs.push(Math.fround(r + d * 2 ** (-e - 24)), Math.fround(2 ** -e - (d + 3) * 2 ** (-e - 24)));
  }
  for (let i = 1; i < 2000; i++) xs.push(Math.fround((i * 0.6180339887) % 1));
  const cases: Array<[number, number]> = [];
  for (const x of xs) {
    const exact = x * x; // exact in a double: 48 significant bits
    const nearest = toBits(Math.fround(exact));
    cases.push([x, nearest]);
    if (Math.fround(exact) < exact) cases.push([x, nearest + 1]);
    if (Math.fround(exact) > exact) cases.push([x, nearest - 1]);
  }
  const inputs = new Uint32Array(cases.length * 4);
  cases.forEach(([x, pb], i) => inputs.set([toBits(x), pb, 0, 0], 4 * i));
  const out = await runOnDevice(
    numbaWgsl,
    'fn apply(a: vec4<u32>) -> vec4<u32> { return vec4<u32>(bitcast<u32>(numbaRoundSquare(bitcast<f32>(a.x), a.y)), 0u, 0u, 0u); }',
    inputs,
  );
  let corrected = 0;
  cases.forEach(([x, pb], i) => {
    const expected = toBits(Math.fround(x * x));
    if (pb !== expected) corrected++;
    expect(out[4 * i], `x=${x} candidate ${pb.toString(16)}`).toBe(expected);
  });
  // Most cases handed the wrong neighbour in, so the correction itself was exercised.
  expect(corrected).toBeGreaterThan(cases.length / 3);
});
