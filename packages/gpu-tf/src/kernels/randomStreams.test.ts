import { randomStream, streamMatrices, type GeneratorName } from '@pi/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countBallPoints, countBallPointsCpu, openNodeGpu, type NodeGpu } from '../index.js';
import { runCompute } from '../runCompute.js';
import { numbaStreamsWgsl } from './numba.wgsl.js';
import { xoshiro128pStreamsWgsl } from './xoshiro128p.wgsl.js';

// The random-stream modules on the device against their CPU twin (@pi/core's randomStream): seeding on the
// device, stream starts far out, advances far into a stream, next u32 and uniform f32, bit for bit. Then the
// example kernel that is not π (the unit ball's volume) against its CPU twin.

let gpu: NodeGpu;
beforeAll(async () => {
  gpu = await openNodeGpu();
});
afterAll(() => undefined);

const modules: Record<GeneratorName, { source: string; prefix: string }> = {
  xoshiro128p: { source: xoshiro128pStreamsWgsl, prefix: 'xoshiro' },
  numba: { source: numbaStreamsWgsl, prefix: 'numba' },
};

/** Cases: seed, stream and skip as 64-bit (lo, hi) words; the device writes 2 u32 draws, 2 f32 draws and the state. */
async function drawOnDevice(generator: GeneratorName, cases: Array<{ seed: number; stream: number; skip: bigint }>): Promise<Uint32Array> {
  const { source, prefix } = modules[generator];
  const data = new Uint32Array(cases.length * 8);
  cases.forEach(({ seed, stream, skip }, i) =>
    data.set(
      [
        seed % 2 ** 32,
        Math.floor(seed / 2 ** 32),
        stream % 2 ** 32,
        Math.floor(stream / 2 ** 32),
        Number(skip & 0xffffffffn),
        Number(skip >> 32n),
      ],
      8 * i,
    ),
  );
  const code = `${source}
@group(0) @binding(0) var<storage, read_write> data: array<u32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let at = 8u * gid.x;
  if (at >= arrayLength(&data)) { return; }
  var s = ${prefix}StreamStart(vec2<u32>(data[at], data[at + 1u]), vec2<u32>(data[at + 2u], data[at + 3u]));
  s = streamAdvance(s, vec2<u32>(data[at + 4u], data[at + 5u]));
  data[at] = ${prefix}NextU32(&s);
  data[at + 1u] = ${prefix}NextU32(&s);
  data[at + 2u] = bitcast<u32>(${prefix}UniformF32(&s));
  data[at + 3u] = bitcast<u32>(${prefix}UniformF32(&s));
  data[at + 4u] = s.x;
  data[at + 5u] = s.y;
  data[at + 6u] = s.z;
  data[at + 7u] = s.w;
}`;
  return runCompute(gpu.device, {
    code,
    label: 'random-stream module test',
    data,
    workgroups: Math.ceil(cases.length / 64),
    matrices: streamMatrices(generator),
  });
}

describe.each(['xoshiro128p', 'numba'] as const)('%s module on the device == @pi/core randomStream', (generator) => {
  test('seeds, far streams, far advances: draws and states equal', async () => {
    const cases: Array<{ seed: number; stream: number; skip: bigint }> = [];
    for (const seed of [0, 1, 20_220_116, 2 ** 40 + 17, 2 ** 53 - 1]) {
      for (const stream of [0, 1, 2, 63, 65_537, 2 ** 32 + 5, 15_258_789_062]) {
        for (const skip of [0n, 1n, 2n, 131_071n, 2n ** 33n + 9n, 2n ** 50n + 7n]) cases.push({ seed, stream, skip });
      }
    }
    const out = await drawOnDevice(generator, cases);
    const bits = new Uint32Array(1);
    const f = new Float32Array(bits.buffer);
    cases.forEach(({ seed, stream, skip }, i) => {
      const r = randomStream(generator, seed, stream, skip);
      const where = `seed ${seed} stream ${stream} skip ${skip}`;
      expect(out[8 * i], where).toBe(r.nextU32());
      expect(out[8 * i + 1], where).toBe(r.nextU32());
      for (const k of [2, 3]) {
        f[0] = r.uniformF32();
        expect(out[8 * i + k], where).toBe(bits[0]);
      }
      expect(Array.from(out.subarray(8 * i + 4, 8 * i + 8)), where).toEqual([...r.getState()]);
    });
  });
});

test('numba uniformF32 rounds tiny draws as numba does (v = x >> 11 below 2^31)', async () => {
  // A state (s0, s1 = 0) outputs s0: set s0 to raw outputs whose draws are tiny, at ties, or at 1.
  const raw = [
    0n,
    1n << 11n,
    3n << 11n,
    ((1n << 24n) + 1n) << 11n,
    ((1n << 25n) + 3n) << 11n,
    ((1n << 31n) - 1n) << 11n,
    (1n << 31n) << 11n,
    (1n << 64n) - 1n,
  ];
  for (let k = 25; k < 31; k++)
    raw.push(((1n << BigInt(k)) + (1n << BigInt(k - 24)) + 1n) << 11n, ((1n << BigInt(k)) + (1n << BigInt(k - 24))) << 11n);
  const data = new Uint32Array(raw.length * 4);
  raw.forEach((x, i) => data.set([Number(x & 0xffffffffn), Number(x >> 32n), 0, 0], 4 * i));
  const code = `${numbaStreamsWgsl}
@group(0) @binding(0) var<storage, read_write> data: array<vec4<u32>>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x >= arrayLength(&data)) { return; }
  var s = data[gid.x];
  data[gid.x] = vec4<u32>(bitcast<u32>(numbaUniformF32(&s)), 0u, 0u, 0u);
}`;
  const out = await runCompute(gpu.device, { code, label: 'numba uniform test', data, workgroups: 1 });
  const f = new Float32Array(1);
  const bits = new Uint32Array(f.buffer);
  raw.forEach((x, i) => {
    f[0] = Math.fround(Number(x >> 11n) * 2 ** -53);
    expect(out[4 * i], `raw ${x.toString(16)}`).toBe(bits[0]);
  });
});

describe.each(['xoshiro128p', 'numba'] as const)('example kernel (unit ball volume), %s', (generator) => {
  test('per-stream counts equal the CPU twin', async () => {
    const options = { generator, seed: 42, streams: 100, points: 3000 };
    const [gpuCount, cpuCount] = [await countBallPoints(gpu.device, options), countBallPointsCpu(options)];
    expect(gpuCount.counts).toEqual(cpuCount.counts);
    expect(gpuCount.counts).toHaveLength(100);
    // 300,000 points: the volume within 4 standard errors of 4π/3 (p ≈ 0.52, SE ≈ 8 · 0.0009).
    expect(Math.abs(gpuCount.volume - (4 * Math.PI) / 3)).toBeLessThan(4 * 8 * Math.sqrt((0.52 * 0.48) / 300_000));
  });
});

test('example kernel options are checked', async () => {
  await expect(countBallPoints(gpu.device, { points: 2 ** 32 })).rejects.toThrow(/points.*\[1, 2\^32\)/);
  expect(() => countBallPointsCpu({ streams: 0 })).toThrow(/streams/);
});
