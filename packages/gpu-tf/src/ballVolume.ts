import { checkGenerator, checkSeed, invalidArgument, randomStream, streamMatrices, type GeneratorName } from '@pi/core';
import { ballVolumeWgsl } from './kernels/ballVolume.wgsl.js';
import { runCompute } from './runCompute.js';

/** What `countBallPoints` and its CPU twin count. */
export interface BallCountOptions {
  /** `xoshiro128p` (default) or `numba`. */
  readonly generator?: GeneratorName;
  /** The seed, an integer in [0, 2^53) (0 by default). */
  readonly seed?: number;
  /** Streams, one per invocation (64 by default). */
  readonly streams?: number;
  /** Points per stream (10,000 by default). */
  readonly points?: number;
}

/** Per-stream hit counts and the volume they estimate. */
export interface BallCount {
  /** Points of stream i inside the unit ball's octant. */
  readonly counts: number[];
  /** 8 · inside / points: the unit 3-ball's volume (4π/3 ≈ 4.18879). */
  readonly volume: number;
}

function checkU32(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value >= 2 ** 32) {
    throw invalidArgument(option, value, 'an integer in [1, 2^32)');
  }
  return value;
}

function resolve(options: BallCountOptions) {
  const streams = checkU32('streams', options.streams ?? 64);
  const points = checkU32('points', options.points ?? 10_000);
  return { generator: checkGenerator(options.generator ?? 'xoshiro128p'), seed: checkSeed(options.seed ?? 0), streams, points };
}

function result(counts: number[], points: number): BallCount {
  const inside = counts.reduce((a, b) => a + b, 0);
  return { counts, volume: (8 * inside) / (points * counts.length) };
}

/**
 * The unit 3-ball's volume on a WebGPU device, with the example kernel `ballVolumeWgsl`: a user's own kernel
 * on the seeded random streams. Equal, stream by stream, to `countBallPointsCpu`.
 */
export async function countBallPoints(device: GPUDevice, options: BallCountOptions = {}): Promise<BallCount> {
  const { generator, seed, streams, points } = resolve(options);
  const data = new Uint32Array(4 + streams);
  data.set([seed % 2 ** 32, Math.floor(seed / 2 ** 32), points, streams]);
  const out = await runCompute(device, {
    code: ballVolumeWgsl(generator),
    label: `ball volume kernel (${generator})`,
    data,
    workgroups: Math.ceil(streams / 64),
    matrices: streamMatrices(generator),
  });
  return result(Array.from(out.subarray(4)), points);
}

/** The CPU twin of `countBallPoints`: the same streams (@pi/core's `randomStream`), the same integer rule. */
export function countBallPointsCpu(options: BallCountOptions = {}): BallCount {
  const { generator, seed, streams, points } = resolve(options);
  const counts: number[] = [];
  for (let i = 0; i < streams; i++) {
    const r = randomStream(generator, seed, i);
    const square = () => (2 * (r.nextU32() >>> 19) + 1) ** 2;
    let inside = 0;
    for (let k = 0; k < points; k++) if (square() + square() + square() < 2 ** 28) inside++;
    counts.push(inside);
  }
  return result(counts, points);
}
