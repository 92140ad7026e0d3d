import type { GeneratorName } from '@pi/core';
import { numbaStreamsWgsl } from './numba.wgsl.js';
import { xoshiro128pStreamsWgsl } from './xoshiro128p.wgsl.js';

const modules: Record<GeneratorName, { source: string; prefix: string }> = {
  xoshiro128p: { source: xoshiro128pStreamsWgsl, prefix: 'xoshiro' },
  numba: { source: numbaStreamsWgsl, prefix: 'numba' },
};

/**
 * An example kernel on the random-stream modules that is not π: the volume of the unit 3-ball, as a hit
 * count in the positive octant. Invocation i starts stream i of the seed on the device (`…StreamStart`),
 * draws `points` points of three 32-bit numbers each, and keeps X = r >> 19 (13 bits) per axis: the point
 * (X + ½) / 2^13 is inside iff (2X+1)² + (2Y+1)² + (2Z+1)² < 2^28, decided in u32 without rounding, so the
 * CPU twin (`countBallPointsCpu`) counts the same. Volume ≈ 8 · inside / points.
 *
 * Storage: `data[0..3]` = seed low, seed high, points per stream, streams; `data[4 + i]` receives stream i's
 * count. The module's matrices are at `@group(1) @binding(0)`.
 */
export function ballVolumeWgsl(generator: GeneratorName): string {
  const { source, prefix } = modules[generator];
  return /* wgsl */ `${source}
@group(0) @binding(0) var<storage, read_write> data: array<u32>;

fn ballCoordinate(s: ptr<function, vec4<u32>>) -> u32 {
  let c = 2u * (${prefix}NextU32(s) >> 19u) + 1u;
  return c * c;
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let stream = gid.x;
  if (stream >= data[3]) {
    return;
  }
  var s = ${prefix}StreamStart(vec2<u32>(data[0], data[1]), vec2<u32>(stream, 0u));
  var inside = 0u;
  for (var k = 0u; k < data[2]; k++) {
    let r = ballCoordinate(&s) + ballCoordinate(&s) + ballCoordinate(&s);
    inside += select(0u, 1u, r < 0x10000000u);
  }
  data[4u + stream] = inside;
}
`;
}
