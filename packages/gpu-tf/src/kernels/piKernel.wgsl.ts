import type { GeneratorName } from '@pi/core';
import { numbaWgsl } from './numba.wgsl.js';
import { xoshiro128pWgsl } from './xoshiro128p.wgsl.js';

/** Invocations per workgroup of the π kernel: 64 runs everywhere WebGPU does (the default limit is 256). */
export const PI_WORKGROUP_SIZE = 64;

/** Bytes of the π kernel's uniform block (see `Params` in `piKernelWgsl`). */
export const PI_PARAMS_BYTES = 48;

const generatorWgsl: Record<GeneratorName, string> = { xoshiro128p: xoshiro128pWgsl, numba: numbaWgsl };

/**
 * The fused π kernel for one generator. A dispatch covers `streams` consecutive streams cut into chunks of
 * 2^chunkShift points: invocation i draws chunk i % chunks of stream i / chunks (the dispatch's last stream
 * may have fewer chunks, and a stream's last chunk fewer points). It computes its own start on the device,
 * from the dispatch's `base` state: J^(stream offset) for the stream, then T^(2 · chunk · 2^chunkShift) for
 * the chunk (random-stream module, matrices at group 1). Nothing per stream comes from the host.
 *
 * Counts: the workgroup sums its invocations' counts in shared memory, then one invocation adds the sum to a
 * 64-bit total (two u32 words, the carry added when the low word wraps: exact for any plan below 2^53).
 * Groups plans also sum, per workgroup, the counts of each stream it touches, and add each sum to that
 * stream's 64-bit count: no global atomic before a workgroup reduction. Workgroups may be laid out
 * in two dimensions when one dimension's limit is too small.
 */
export function piKernelWgsl(generator: GeneratorName): string {
  return /* wgsl */ `${generatorWgsl[generator]}
struct Params {
  base: vec4<u32>,          // state at the first point of the dispatch's first chunk
  streams: u32,             // streams the dispatch covers
  chunks: u32,              // chunks of every stream but the last
  lastChunkPoints: u32,     // points in such a stream's last chunk
  finalChunks: u32,         // chunks of the dispatch's last stream
  finalLastPoints: u32,     // points in its last chunk
  chunkShift: u32,          // a chunk is 2^chunkShift points (its last may be shorter)
  invocations: u32,         // (streams - 1) · chunks + finalChunks
  keepStreamCounts: u32,    // groups plans: 1, each stream's count is kept
}

@group(0) @binding(0) var<uniform> params: Params;
// 64-bit counts as (low, high) words: the dispatch's total at 0, stream k's count at 2 + 2k.
@group(0) @binding(1) var<storage, read_write> counts: array<atomic<u32>>;

var<workgroup> partial: array<u32, ${PI_WORKGROUP_SIZE}>;
var<workgroup> streamOf: array<u32, ${PI_WORKGROUP_SIZE}>;

// Adds to a 64-bit count held as two atomic words (low at index at): the carry follows a low word that wrapped.
fn addCount64(at: u32, value: u32) {
  let old = atomicAdd(&counts[at], value);
  if (old + value < old) {
    atomicAdd(&counts[at + 1u], 1u);
  }
}

@compute @workgroup_size(${PI_WORKGROUP_SIZE})
fn main(
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) groups: vec3<u32>,
  @builtin(local_invocation_index) lid: u32,
) {
  let i = (wid.y * groups.x + wid.x) * ${PI_WORKGROUP_SIZE}u + lid;
  let inRange = i < params.invocations;
  let stream = i / params.chunks;
  var count = 0u;
  if (inRange) {
    let chunk = i % params.chunks;
    let isFinal = stream + 1u == params.streams;
    let lastChunk = select(params.chunks, params.finalChunks, isFinal) - 1u;
    let n = select(1u << params.chunkShift, select(params.lastChunkPoints, params.finalLastPoints, isFinal), chunk == lastChunk);
    // Two draws per point: the chunk starts chunk · 2^(chunkShift + 1) steps into its stream.
    let steps = vec2<u32>(chunk << (params.chunkShift + 1u), chunk >> (31u - params.chunkShift)); // chunkShift ≤ 20
    var s = streamAdvance(streamJump(params.base, vec2<u32>(stream, 0u)), steps);
    for (var k = 0u; k < n; k++) {
      count += drawInside(&s);
    }
  }
  partial[lid] = count;
  streamOf[lid] = select(0xffffffffu, stream, inRange);
  workgroupBarrier();
  // Groups plans: a workgroup's invocations of one stream are neighbours; the first of each run sums the
  // run and makes the stream's one atomic add from this workgroup.
  if (params.keepStreamCounts != 0u && inRange && (lid == 0u || streamOf[lid - 1u] != stream)) {
    var sum = 0u;
    for (var j = lid; j < ${PI_WORKGROUP_SIZE}u && streamOf[j] == stream; j++) {
      sum += partial[j];
    }
    addCount64(2u + 2u * stream, sum);
  }
  workgroupBarrier();
  for (var stride = ${PI_WORKGROUP_SIZE / 2}u; stride > 0u; stride >>= 1u) {
    if (lid < stride) {
      partial[lid] += partial[lid + stride];
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    addCount64(0u, partial[0]);
  }
}
`;
}
