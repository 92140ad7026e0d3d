import {
  PiError,
  rangePoints,
  RunTally,
  streamPoints,
  streamStates,
  type GeneratorName,
  type PiResult,
  type ResolvedEstimateOptions,
} from '@pi/core';
import type { GpuAdapterSummary } from './adapterInfo.js';
import { PI_PARAMS_BYTES, PI_WORKGROUP_SIZE, piKernelWgsl } from './kernels/piKernel.wgsl.js';
import { BufferUsage, MAP_READ } from './_gpuConstants.js';
import { watchDevice, type DeviceWatch } from './_deviceWatch.js';

/** How the kernel paces its work. */
export interface PiKernelOptions {
  /** Aim for dispatches of about this long, so none hogs the GPU and aborts are quick (50 ms by default). */
  readonly targetDispatchMs?: number;
  /** Give up on a dispatch that has not finished after this long (60 s by default): never a hang. */
  readonly dispatchTimeoutMs?: number;
  /** Points in the first dispatch, before any speed is measured (2^20 by default). */
  readonly firstDispatchPoints?: number;
  /** Backend name put in results (`webgpu` by default). */
  readonly backendName?: string;
}

/** The fused WGSL π kernel on one device; keeps compiled pipelines between runs. */
export interface PiKernel {
  /** Counts a plan (or its shard) exactly as @pi/cpu's loop does. */
  run(options: ResolvedEstimateOptions): Promise<PiResult>;
  /** Compiles the pipeline for a generator now (the cold part of a first run). */
  compile(generator: GeneratorName): Promise<void>;
  /** Frees buffers; the device stays its owner's. */
  dispose(): void;
}

/** Most points one thread draws in one dispatch: keeps a workgroup's sum (64 threads) inside a u32. */
const MAX_THREAD_POINTS = 2 ** 25;
/** First dispatch's work, before any speed is measured: small enough for a software adapter. */
const FIRST_WORK = 2 ** 20;
/**
 * Builds the π kernel on a WebGPU device (Dawn's in Node, `navigator.gpu`'s in a browser, or the tfjs
 * webgpu backend's `device`). This module imports nothing from Node, so browser bundles can use it.
 *
 * A run walks its streams in batches: the batch's start states come from @pi/core's `streamStates`
 * (the contract's states, uploaded: 16 bytes a stream), thread i of a dispatch advances stream i by up
 * to P points, and dispatches repeat until the batch's streams are complete; then one read-back of
 * 8 bytes (plus 8 per group for groups plans). Batch and dispatch sizes follow the measured speed so a
 * dispatch lasts about `targetDispatchMs`. Abort is checked between dispatches; an aborted run returns
 * the complete batches.
 */
export function createPiKernel(
  device: GPUDevice,
  adapter: GpuAdapterSummary,
  kernelOptions: PiKernelOptions = {},
): PiKernel {
  const target = kernelOptions.targetDispatchMs ?? 50;
  const timeoutMs = kernelOptions.dispatchTimeoutMs ?? 60_000;
  const backend = kernelOptions.backendName ?? 'webgpu';
  const pipelines = new Map<GeneratorName, Promise<GPUComputePipeline>>();
  const watch: DeviceWatch = watchDevice(device);
  const maxStreams = Math.min(
    device.limits.maxComputeWorkgroupsPerDimension * PI_WORKGROUP_SIZE,
    Math.floor(device.limits.maxStorageBufferBindingSize / 16),
  );
  let buffers: { capacity: number; states: GPUBuffer; counts: GPUBuffer; total: GPUBuffer; params: GPUBuffer; readback: GPUBuffer } | undefined;

  const pipelineFor = (generator: GeneratorName): Promise<GPUComputePipeline> => {
    let p = pipelines.get(generator);
    if (p === undefined) {
      p = compilePipeline(device, generator);
      pipelines.set(generator, p);
      p.catch(() => pipelines.delete(generator));
    }
    return p;
  };

  const buffersFor = (streams: number) => {
    if (buffers !== undefined && buffers.capacity >= streams) return buffers;
    destroyBuffers();
    const capacity = Math.max(streams, PI_WORKGROUP_SIZE);
    const storage = BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC;
    buffers = {
      capacity,
      states: device.createBuffer({ size: capacity * 16, usage: storage }),
      counts: device.createBuffer({ size: capacity * 8, usage: storage }),
      total: device.createBuffer({ size: 8, usage: storage }),
      params: device.createBuffer({ size: PI_PARAMS_BYTES, usage: BufferUsage.UNIFORM | BufferUsage.COPY_DST }),
      readback: device.createBuffer({ size: 8 + capacity * 8, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST }),
    };
    return buffers;
  };

  function destroyBuffers() {
    if (buffers === undefined) return;
    for (const b of [buffers.states, buffers.counts, buffers.total, buffers.params, buffers.readback]) b.destroy();
    buffers = undefined;
  }

  async function run(options: ResolvedEstimateOptions): Promise<PiResult> {
    const { plan, generator, seed, signal } = options;
    const tally = new RunTally(options);
    const { firstStream, streams } = tally;
    const pipeline = await pipelineFor(generator);
    const keepStreamCounts = plan.kind === 'groups';
    let done = 0;
    let work = kernelOptions.firstDispatchPoints ?? FIRST_WORK;
    let dispatches = 0;

    while (done < streams && !tally.aborted) {
      const batchFirst = firstStream + done;
      const points = streamPoints(plan, batchFirst);
      const perThread = Math.min(points, MAX_THREAD_POINTS);
      const batch = Math.max(1, Math.min(streams - done, maxStreams, Math.floor(work / perThread)));
      const lastPoints = streamPoints(plan, batchFirst + batch - 1);
      const b = buffersFor(batch);
      device.queue.writeBuffer(b.states, 0, streamStates(generator, seed, batchFirst, batch) as Uint32Array<ArrayBuffer>);
      device.queue.writeBuffer(b.total, 0, new Uint32Array(2));
      if (keepStreamCounts) device.queue.writeBuffer(b.counts, 0, new Uint32Array(batch * 2));
      const bindGroup = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: b.params } },
          { binding: 1, resource: { buffer: b.states, size: batch * 16 } },
          { binding: 2, resource: { buffer: b.counts, size: batch * 8 } },
          { binding: 3, resource: { buffer: b.total } },
        ],
      });
      for (let offset = 0; offset < points; ) {
        const piece = Math.max(1, Math.min(MAX_THREAD_POINTS, points - offset, Math.floor(work / batch)));
        const n = piece;
        const nLast = Math.max(0, Math.min(piece, lastPoints - offset));
        device.queue.writeBuffer(b.params, 0, new Uint32Array([batch, n, nLast, keepStreamCounts ? 1 : 0]));
        const encoder = device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(Math.ceil(batch / PI_WORKGROUP_SIZE));
        pass.end();
        const t0 = performance.now();
        device.queue.submit([encoder.finish()]);
        await watch.settle(device.queue.onSubmittedWorkDone(), timeoutMs, 'a π kernel dispatch');
        dispatches++;
        const ms = Math.max(performance.now() - t0, 0.05);
        // Aim the next dispatch at the target time from this one's speed (at most 4× more work at once).
        work = Math.max(PI_WORKGROUP_SIZE, Math.min(work * 4, ((batch * n) / ms) * target, 2 ** 40));
        offset += piece;
        if (signal?.aborted === true) {
          tally.aborted = offset < points; // a batch that just finished still counts
          if (tally.aborted) break;
        }
      }
      if (tally.aborted) break;
      const readBytes = 8 + (keepStreamCounts ? batch * 8 : 0);
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(b.total, 0, b.readback, 0, 8);
      if (keepStreamCounts) encoder.copyBufferToBuffer(b.counts, 0, b.readback, 8, batch * 8);
      device.queue.submit([encoder.finish()]);
      await watch.settle(b.readback.mapAsync(MAP_READ, 0, readBytes), timeoutMs, 'reading the counts back');
      const words = new Uint32Array(b.readback.getMappedRange(0, readBytes).slice(0));
      b.readback.unmap();
      if (keepStreamCounts) {
        // Each group's 64-bit count, as two u32 words after the total.
        const counts = Array.from({ length: batch }, (_, i) => words[2 + 2 * i]! + words[3 + 2 * i]! * 2 ** 32);
        tally.addStreams(batchFirst, counts);
      } else {
        tally.addPoints(words[0]! + words[1]! * 2 ** 32, rangePoints(plan, batchFirst, batch));
      }
      done += batch;
      tally.reportIfDue();
      if (signal?.aborted === true && done < streams) tally.aborted = true;
    }
    return tally.result({
      backend,
      reproducible: true,
      details: { method: 'kernel', adapter: adapter.name, software: adapter.software, dispatches },
    });
  }

  return {
    run,
    compile: async (generator) => {
      await pipelineFor(generator);
    },
    dispose: destroyBuffers,
  };
}

/** Compiles the π kernel of a generator; a WGSL or pipeline error becomes BACKEND_UNAVAILABLE. */
async function compilePipeline(device: GPUDevice, generator: GeneratorName): Promise<GPUComputePipeline> {
  return compileCompute(device, piKernelWgsl(generator), `π kernel (${generator})`);
}

/** Compiles a compute shader with entry point `main`; failures are PiErrors naming the shader. */
export async function compileCompute(device: GPUDevice, code: string, what: string): Promise<GPUComputePipeline> {
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ code, label: what });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  let pipeline: GPUComputePipeline | undefined;
  let failure: unknown;
  if (errors.length === 0) {
    try {
      pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: what });
    } catch (e) {
      failure = e;
    }
  }
  const scoped = await device.popErrorScope();
  if (errors.length > 0 || failure !== undefined || scoped !== null || pipeline === undefined) {
    const why =
      errors.map((m) => `line ${m.lineNum}: ${m.message}`).join('; ') ||
      (failure instanceof Error ? failure.message : scoped?.message) ||
      'unknown error';
    throw new PiError('BACKEND_UNAVAILABLE', `webgpu: the ${what} did not compile on this adapter: ${why}`, { cause: failure ?? scoped });
  }
  return pipeline;
}
