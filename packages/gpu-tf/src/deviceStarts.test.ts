import { groupsPlan, resolveEstimateOptions, samplesPlan, type EstimateOptions, type GeneratorName } from '@pi/core';
import { estimateLoop } from '@pi/cpu';
import { afterAll, describe, expect, test } from 'vitest';
import { kernelEstimator, openNodeGpu, PiDispatchPlanner, piKernelWgsl } from './index.js';

// The kernel's device-side stream starts and split streams, exact against @pi/cpu's loop on this machine's
// adapter (SwiftShader in CI): far streams, long streams cut into many chunks (per group too), many short
// streams, awkward sizes, shards, two-dimensional dispatches and abort prefixes.
const kernel = kernelEstimator();
// Tiny chunks and dispatches: long streams span many invocations and many dispatches.
const tiny = kernelEstimator({ pointsPerInvocation: 256, targetDispatchMs: 5, firstDispatchPoints: 2048 });
// At most 3 workgroups per dimension: dispatches of more than 192 invocations use two dimensions.
const wide = kernelEstimator({ pointsPerInvocation: 16, firstDispatchPoints: 2 ** 16, maxWorkgroupsPerDimension: 3 });
afterAll(async () => {
  for (const k of [kernel, tiny, wide]) await k.dispose?.();
});

async function expectLoop(estimator: typeof kernel, options: EstimateOptions) {
  const [gpu, cpu] = await Promise.all([estimator.run(resolveEstimateOptions(options)), estimateLoop(options)]);
  expect(gpu.inside).toBe(cpu.inside);
  expect(gpu.samples).toBe(cpu.samples);
  expect(gpu.groupCounts).toEqual(cpu.groupCounts);
  expect(gpu.status).toBe('completed');
  return gpu;
}

describe.each(['xoshiro128p', 'numba'] as const)('%s', (generator: GeneratorName) => {
  test('far streams: shards deep inside a 1e15-sample plan, the short last block included', async () => {
    for (const index of [2 ** 31, 2 ** 32 - 1]) {
      const r = await expectLoop(kernel, { samples: 1e15, seed: 7, generator, shard: { index, count: 2 ** 32 } });
      expect(r.shard?.firstStream).toBeGreaterThan(7e9);
      expect(r.samples).toBeGreaterThan(0);
    }
  });

  test('few long streams split across many invocations and dispatches, per group', async () => {
    const r = await expectLoop(tiny, { groups: { pointsPerGroup: 100_003, groups: 3 }, seed: 11, generator });
    expect(r.details?.invocations).toBeGreaterThanOrEqual(3 * Math.ceil(100_003 / 256));
    expect(r.details?.dispatches).toBeGreaterThan(3);
    await expectLoop(kernel, { groups: { pointsPerGroup: 70_001, groups: 5 }, seed: 12, generator });
  });

  test('many short streams', async () => {
    await expectLoop(kernel, { groups: { pointsPerGroup: 3, groups: 20_000 }, seed: 13, generator });
    await expectLoop(tiny, { groups: { pointsPerGroup: 1, groups: 5_000 }, seed: 14, generator });
  });

  test('awkward sizes and shards with tiny chunks', async () => {
    await expectLoop(tiny, { samples: 3 * 65_536 + 257, seed: 2 ** 40, generator });
    await expectLoop(tiny, { samples: 1_000_003, seed: 5, generator, shard: { index: 4, count: 7 } });
    await expectLoop(tiny, { groups: { pointsPerGroup: 999, groups: 77 }, seed: 6, generator, shard: { index: 1, count: 3 } });
  });
});

test('more workgroups than one dimension allows: a two-dimensional dispatch, still exact', async () => {
  const r = await expectLoop(wide, { samples: 2 ** 17 + 12_345, seed: 3 });
  expect(r.details?.invocations).toBe(Math.ceil((2 ** 17 + 12_345) / 16));
  // The first dispatch alone is 4,096 invocations: 64 workgroups, 3 wide.
  expect(r.details?.dispatches).toBeLessThan((r.details?.invocations as number) / 192);
});

test('details report invocations, dispatches and host preparation time', async () => {
  const r = await kernel.run(resolveEstimateOptions({ groups: { pointsPerGroup: 50_000, groups: 20 } }));
  // 50,000 points a group in chunks of 8,192: 7 invocations each.
  expect(r.details?.invocations).toBe(140);
  expect(r.details?.dispatches).toBeGreaterThanOrEqual(1);
  expect(typeof r.details?.hostMilliseconds).toBe('number');
});

test('the planner: whole streams when they fit, chunks of one stream otherwise; seed plan ≥ 300k invocations', () => {
  const run = { plan: groupsPlan(50_000, 50_000), generator: 'numba' as const, seed: 20_220_116 };
  const planner = new PiDispatchPlanner(run, { firstStream: 0, streams: 50_000 });
  expect(planner.chunkPoints).toBe(2 ** 13);
  let invocations = 0;
  let points = 0;
  while (!planner.done) {
    const d = planner.next(2 ** 16);
    expect(d.invocations).toBeLessThanOrEqual(2 ** 16);
    invocations += d.invocations;
    points += d.points;
  }
  expect(points).toBe(2.5e9);
  expect(invocations).toBe(50_000 * 7);
  const long = new PiDispatchPlanner(
    { plan: samplesPlan(65_536 * 2), generator: 'xoshiro128p', seed: 1 },
    { firstStream: 0, streams: 2 },
    2 ** 10,
  );
  const first = long.next(5);
  expect([first.wholeStreams, first.invocations, first.points, first.completesLastStream]).toEqual([false, 5, 5 * 1024, false]);
  expect(() => new PiDispatchPlanner(run, { firstStream: 0, streams: 1 }, 3)).toThrow(/pointsPerInvocation.*power of two/);
});

describe('aborts', () => {
  test('an abort returns whole streams, counted as the loop counts them, within 200 ms', async () => {
    const controller = new AbortController();
    const plan = samplesPlan(65_536 * 4000);
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, 300);
    const r = await kernel.run({ plan, generator: 'xoshiro128p', seed: 4, signal: controller.signal });
    const latency = performance.now() - abortedAt;
    expect(r.status).toBe('aborted');
    expect(r.samples % 65_536).toBe(0);
    expect(r.samples).toBeGreaterThan(0);
    expect(r.samples).toBeLessThan(plan.samples);
    // The promise is 200 ms (one dispatch of ~50 ms in flight behind the one running); headroom for a loaded machine.
    expect(latency).toBeLessThan(600);
    expect(r.inside).toBe((await estimateLoop({ samples: r.samples, seed: 4 })).inside);
  });

  test('an abort inside a long stream keeps only the groups completed before it', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const options = { groups: { pointsPerGroup: 3_000_000, groups: 40 }, seed: 9, generator: 'numba' as const };
    const r = await tiny.run({ ...resolveEstimateOptions(options), signal: controller.signal });
    expect(r.status).toBe('aborted');
    const groups = r.groupCounts?.length ?? 0;
    expect(groups).toBeLessThan(40);
    expect(r.samples).toBe(groups * 3_000_000);
    if (groups > 0)
      expect(r.groupCounts).toEqual((await estimateLoop({ ...options, groups: { pointsPerGroup: 3_000_000, groups } })).groupCounts);
  });
});

test("64-bit counts: the kernel's adds carry into the high word when the low word wraps, under contention", async () => {
  const { device } = await openNodeGpu();
  // A second entry point in the π kernel's own source: 256 invocations add 0x01000001 each to the total and
  // to stream 1's count, both starting just below 2^32 (the low word wraps more than once).
  const code = `${piKernelWgsl('xoshiro128p')}
@compute @workgroup_size(64)
fn carryTest() {
  addCount64(0u, 0x01000001u);
  addCount64(4u, 0x01000001u);
}`;
  const module = device.createShaderModule({ code });
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'carryTest' } });
  const counts = device.createBuffer({ size: 24, usage: 0x80 | 0x8 | 0x4 });
  const read = device.createBuffer({ size: 24, usage: 0x1 | 0x8 });
  const start = 0xffffff00;
  device.queue.writeBuffer(counts, 0, new Uint32Array([start, 7, 0, 0, start, 7]));
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 1, resource: { buffer: counts } }] }),
  );
  pass.dispatchWorkgroups(4);
  pass.end();
  encoder.copyBufferToBuffer(counts, 0, read, 0, 24);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(1);
  const w = new Uint32Array(read.getMappedRange().slice(0));
  read.unmap();
  for (const b of [counts, read]) b.destroy();
  const expected = start + 7 * 2 ** 32 + 256 * 0x01000001;
  expect(w[0]! + w[1]! * 2 ** 32).toBe(expected);
  expect(w[4]! + w[5]! * 2 ** 32).toBe(expected);
  expect(w[1]).toBeGreaterThan(7);
});
