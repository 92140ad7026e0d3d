import type { GeneratorName } from '@pi/core';
import { numbaWgsl } from './numba.wgsl.js';
import { xoshiro128pWgsl } from './xoshiro128p.wgsl.js';

/** Threads per workgroup of the π kernel: 64 runs everywhere WebGPU does (the default limit is 256). */
export const PI_WORKGROUP_SIZE = 64;

/** Bytes of the π kernel's uniform block: streams, points, lastPoints, keepStreamCounts (u32 each). */
export const PI_PARAMS_BYTES = 16;

const generatorWgsl: Record<GeneratorName, string> = { xoshiro128p: xoshiro128pWgsl, numba: numbaWgsl };

/**
 * The fused π kernel for one generator: thread i owns stream i of the batch, resumes its state from
 * `states[i]`, draws `points` points in registers (`lastPoints` for the batch's last thread, whose
 * stream may be the plan's short last block), stores the state back so the next dispatch carries on, and
 * the workgroup sums its counts in shared memory before one atomic add per workgroup into a 64-bit
 * total (two u32 words, the carry added when the low word wraps). Per-stream counts are kept only when
 * asked (groups plans report each group's count).
 */
export function piKernelWgsl(generator: GeneratorName): string {
  return /* wgsl */ `${generatorWgsl[generator]}
struct Params {
  streams: u32,
  points: u32,
  lastPoints: u32,
  keepStreamCounts: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> states: array<vec4<u32>>;
@group(0) @binding(2) var<storage, read_write> streamCounts: array<vec2<u32>>;
@group(0) @binding(3) var<storage, read_write> total: array<atomic<u32>, 2>;

var<workgroup> partial: array<u32, ${PI_WORKGROUP_SIZE}>;

@compute @workgroup_size(${PI_WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = gid.x;
  var count = 0u;
  if (i < params.streams) {
    let n = select(params.points, params.lastPoints, i + 1u == params.streams);
    var s = states[i];
    for (var k = 0u; k < n; k++) {
      count += drawInside(&s);
    }
    states[i] = s;
    if (params.keepStreamCounts != 0u) {
      let c = streamCounts[i];
      let lo = c.x + count;
      streamCounts[i] = vec2<u32>(lo, c.y + select(0u, 1u, lo < c.x));
    }
  }
  partial[lid] = count;
  workgroupBarrier();
  for (var stride = ${PI_WORKGROUP_SIZE / 2}u; stride > 0u; stride >>= 1u) {
    if (lid < stride) {
      partial[lid] += partial[lid + stride];
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    let sum = partial[0];
    let old = atomicAdd(&total[0], sum);
    if (old + sum < old) {
      atomicAdd(&total[1], 1u);
    }
  }
}
`;
}
