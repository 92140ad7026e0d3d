import { PiError, streamMatrices, streamPoints, type GeneratorName, type PiResult, type ResolvedEstimateOptions } from '@pi/core';
import { RunTally } from '@pi/core/internal';
import type { GpuAdapterSummary } from './adapterInfo.js';
import { PI_PARAMS_BYTES, PI_WORKGROUP_SIZE, piKernelWgsl } from './kernels/piKernel.wgsl.js';
import { BufferUsage, MAP_READ } from './_gpuConstants.js';
import { watchDevice, type DeviceWatch } from './_deviceWatch.js';
import {
  checkPointsPerInvocation,
  DEFAULT_POINTS_PER_INVOCATION,
  MAX_STREAMS_PER_DISPATCH,
  PiDispatchPlanner,
  type PiDispatch,
} from './piDispatches.js';

/** How the kernel paces its work. */
export interface PiKernelOptions {
  /** Aim for dispatches of about this long, so none hogs the GPU and aborts are quick (50 ms by default). */
  readonly targetDispatchMs?: number;
  /** Give up on a dispatch that has not finished after this long (60 s by default): never a hang. */
  readonly dispatchTimeoutMs?: number;
  /**
   * Points in the first dispatch of every run. By default the first run starts at 2^20 (small enough for a
   * software adapter) and later runs start at the size the previous run measured, so a warm run on a fast
   * GPU does not ramp up again.
   */
  readonly firstDispatchPoints?: number;
  /** Most points one invocation draws in a dispatch: a power of two in [1, 2^20] (2^13 by default). */
  readonly pointsPerInvocation?: number;
  /**
   * Most workgroups per dispatch dimension (the adapter's `maxComputeWorkgroupsPerDimension` by default; a
   * smaller value is used as given, a larger one is capped). Dispatches wider than this use two dimensions.
   */
  readonly maxWorkgroupsPerDimension?: number;
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

/** First dispatch's work, before any speed is measured: small enough for a software adapter. */
const FIRST_WORK = 2 ** 20;
/** Dispatches submitted ahead of the one the host waits for: the GPU never waits for a round trip. */
const IN_FLIGHT = 2;

interface Readback {
  buffer: GPUBuffer;
  size: number;
}

interface InFlight {
  readonly dispatch: PiDispatch;
  readonly readback: Readback;
  readonly bytes: number;
  readonly submitted: number;
}

/**
 * Builds the π kernel on a WebGPU device (Dawn's in Node, `navigator.gpu`'s in a browser, or the tfjs
 * webgpu backend's `device`). This module imports nothing from Node, so browser bundles can use it.
 *
 * The device computes every invocation's start state: the host uploads, once per generator, the jump and
 * transition matrix powers (@pi/core's `streamMatrices`, 256 KiB), and per dispatch one 48-byte uniform
 * block (the dispatch's first state and its layout; see `PiDispatchPlanner`). Long streams are cut into
 * chunks of at most `pointsPerInvocation` points, one per invocation. Two dispatches are in flight: each
 * command buffer clears the counters, runs, and copies its counts (8 bytes, plus 8 per stream for groups
 * plans) to its own read-back buffer, so the host reads one dispatch while the GPU runs the next. Dispatch
 * sizes follow the measured speed so one lasts about `targetDispatchMs`. An abort stops submitting; the
 * dispatches in flight finish, and the run returns its complete streams.
 *
 * @example
 * ```ts
 * import { resolveEstimateOptions } from '@pi/core';
 * import { createPiKernel, summarizeAdapter } from '@pi/gpu-tf/browser';
 *
 * const adapter = await navigator.gpu.requestAdapter();
 * const device = await adapter!.requestDevice();
 * const kernel = createPiKernel(device, summarizeAdapter(adapter!)!);
 * const result = await kernel.run(resolveEstimateOptions({ samples: 1e8 }));
 * ```
 */
export function createPiKernel(device: GPUDevice, adapter: GpuAdapterSummary, kernelOptions: PiKernelOptions = {}): PiKernel {
  const target = kernelOptions.targetDispatchMs ?? 50;
  const timeoutMs = kernelOptions.dispatchTimeoutMs ?? 60_000;
  const backend = kernelOptions.backendName ?? 'webgpu';
  const pointsPerInvocation = checkPointsPerInvocation(kernelOptions.pointsPerInvocation ?? DEFAULT_POINTS_PER_INVOCATION);
  const pipelines = new Map<GeneratorName, Promise<GPUComputePipeline>>();
  const matrices = new Map<GeneratorName, GPUBuffer>();
  const watch: DeviceWatch = watchDevice(device);
  const maxPerDimension = Math.max(
    1,
    Math.min(device.limits.maxComputeWorkgroupsPerDimension, kernelOptions.maxWorkgroupsPerDimension ?? Infinity),
  );
  // Invocation indices are u32; workgroups may be laid out as x · y with both within the adapter's limit.
  const maxInvocations = Math.min(maxPerDimension * maxPerDimension * PI_WORKGROUP_SIZE, 2 ** 32 - PI_WORKGROUP_SIZE);
  const maxStreams = Math.min(MAX_STREAMS_PER_DISPATCH, Math.floor(device.limits.maxStorageBufferBindingSize / 8) - 1);
  // Dispatch work (points) the last run of each generator ended with: where the next run starts.
  const learnedWork = new Map<GeneratorName, number>();
  let draining: Promise<unknown> | undefined;
  let buffers: { streams: number; counts: GPUBuffer; params: GPUBuffer; readbacks: Readback[] } | undefined;

  const pipelineFor = (generator: GeneratorName): Promise<GPUComputePipeline> => {
    let p = pipelines.get(generator);
    if (p === undefined) {
      p = compilePipeline(device, generator);
      pipelines.set(generator, p);
      p.catch(() => pipelines.delete(generator));
    }
    return p;
  };

  const matricesFor = (generator: GeneratorName): GPUBuffer => {
    let m = matrices.get(generator);
    if (m === undefined) {
      const words = streamMatrices(generator);
      m = device.createBuffer({ size: words.byteLength, usage: BufferUsage.STORAGE | BufferUsage.COPY_DST });
      device.queue.writeBuffer(m, 0, words as Uint32Array<ArrayBuffer>);
      matrices.set(generator, m);
    }
    return m;
  };

  const buffersFor = (streams: number) => {
    if (buffers !== undefined && buffers.streams >= streams) return buffers;
    destroyBuffers();
    const capacity = Math.max(streams, PI_WORKGROUP_SIZE);
    const storage = BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC;
    const readback = (): Readback => ({
      buffer: device.createBuffer({ size: 8 + capacity * 8, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST }),
      size: 8 + capacity * 8,
    });
    buffers = {
      streams: capacity,
      // The total, then one count per stream (groups plans): 8 bytes each.
      counts: device.createBuffer({ size: 8 + capacity * 8, usage: storage }),
      params: device.createBuffer({ size: PI_PARAMS_BYTES, usage: BufferUsage.UNIFORM | BufferUsage.COPY_DST }),
      readbacks: Array.from({ length: IN_FLIGHT }, readback),
    };
    return buffers;
  };

  function destroyBuffers() {
    if (buffers === undefined) return;
    for (const b of [buffers.counts, buffers.params, ...buffers.readbacks.map((r) => r.buffer)]) b.destroy();
    buffers = undefined;
  }

  async function run(options: ResolvedEstimateOptions): Promise<PiResult> {
    const { plan, generator, signal } = options;
    const tally = new RunTally(options);
    // A run aborted before its last dispatch finished left it running: wait for it before reusing buffers.
    await draining;
    const pipeline = await pipelineFor(generator);
    const matrixGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(1),
      entries: [{ binding: 0, resource: { buffer: matricesFor(generator) } }],
    });
    const planner = new PiDispatchPlanner(options, tally, pointsPerInvocation, maxStreams);
    const keepStreamCounts = plan.kind === 'groups';
    const inFlight: InFlight[] = [];
    let work = kernelOptions.firstDispatchPoints ?? learnedWork.get(generator) ?? FIRST_WORK;
    let dispatches = 0;
    let invocations = 0;
    let hostMs = 0;
    let lastDone = performance.now();
    let longStreamInside = 0; // a long stream's count so far, from the dispatches of its chunks
    let bound: { buffers: NonNullable<typeof buffers>; group: GPUBindGroup } | undefined;

    const settle = async () => {
      const { dispatch, readback, bytes, submitted } = inFlight.shift()!;
      await watch.settle(readback.buffer.mapAsync(MAP_READ, 0, bytes), timeoutMs, 'a π kernel dispatch');
      const words = new Uint32Array(readback.buffer.getMappedRange(0, bytes).slice(0));
      readback.buffer.unmap();
      const now = performance.now();
      const ms = Math.max(now - Math.max(submitted, lastDone), 0.05);
      lastDone = now;
      // Aim the next dispatch at the target time from this one's speed (at most 4× more work at once).
      work = Math.max(PI_WORKGROUP_SIZE, Math.min(work * 4, (dispatch.points / ms) * target, 2 ** 40));
      const inside = words[0]! + words[1]! * 2 ** 32;
      if (dispatch.wholeStreams) {
        if (keepStreamCounts) {
          tally.addStreams(
            dispatch.firstStream,
            Array.from({ length: dispatch.streams }, (_, i) => words[2 + 2 * i]! + words[3 + 2 * i]! * 2 ** 32),
          );
        } else {
          tally.addPoints(inside, dispatch.points);
        }
      } else {
        longStreamInside += inside;
        if (dispatch.completesLastStream) {
          if (keepStreamCounts) tally.addStreams(dispatch.firstStream, [longStreamInside]);
          else tally.addPoints(longStreamInside, streamPoints(plan, dispatch.firstStream));
          longStreamInside = 0;
        }
      }
      tally.reportIfDue();
    };

    try {
      while (!planner.done && signal?.aborted !== true) {
        if (inFlight.length === IN_FLIGHT) {
          await settle();
          continue;
        }
        const t0 = performance.now();
        const dispatch = planner.next(Math.min(maxInvocations, work / planner.chunkPoints));
        if (buffers === undefined || buffers.streams < dispatch.streams) {
          // Bigger counters: let the dispatches in flight finish with the old ones first.
          while (inFlight.length > 0) await settle();
        }
        const b = buffersFor(dispatch.streams);
        if (bound?.buffers !== b) {
          bound = {
            buffers: b,
            group: device.createBindGroup({
              layout: pipeline.getBindGroupLayout(0),
              entries: [
                { binding: 0, resource: { buffer: b.params } },
                { binding: 1, resource: { buffer: b.counts } },
              ],
            }),
          };
        }
        const readback = b.readbacks[dispatches % IN_FLIGHT]!;
        const countBytes = 8 + (keepStreamCounts ? dispatch.streams * 8 : 0);
        device.queue.writeBuffer(b.params, 0, dispatch.params as Uint32Array<ArrayBuffer>);
        const encoder = device.createCommandEncoder();
        encoder.clearBuffer(b.counts, 0, countBytes);
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bound.group);
        pass.setBindGroup(1, matrixGroup);
        const workgroups = Math.ceil(dispatch.invocations / PI_WORKGROUP_SIZE);
        const x = Math.min(workgroups, maxPerDimension);
        pass.dispatchWorkgroups(x, Math.ceil(workgroups / x));
        pass.end();
        encoder.copyBufferToBuffer(b.counts, 0, readback.buffer, 0, countBytes);
        const submitted = performance.now();
        device.queue.submit([encoder.finish()]);
        hostMs += submitted - t0;
        inFlight.push({ dispatch, readback, bytes: countBytes, submitted });
        dispatches++;
        invocations += dispatch.invocations;
      }
      if (signal?.aborted === true && !planner.done) {
        // Aborted: return now with the streams counted so far; the dispatch still in flight finishes in the
        // background (the next run waits for it), so an abort waits for at most the one that is running.
        draining = Promise.allSettled(
          inFlight.splice(0).map((f) => f.readback.buffer.mapAsync(MAP_READ).then(() => f.readback.buffer.unmap())),
        );
      }
      while (inFlight.length > 0) await settle();
    } finally {
      // After a failure, never reuse buffers that submitted work may still write.
      if (inFlight.length > 0) {
        inFlight.length = 0;
        destroyBuffers();
      }
    }
    if (!planner.done) tally.aborted = true;
    if (dispatches > 0) learnedWork.set(generator, work);
    return tally.result({
      backend,
      reproducible: true,
      details: {
        method: 'kernel',
        adapter: adapter.name,
        software: adapter.software,
        dispatches,
        invocations,
        hostMilliseconds: Math.round(hostMs * 100) / 100,
      },
    });
  }

  return {
    run,
    compile: async (generator) => {
      await pipelineFor(generator);
    },
    dispose: () => {
      destroyBuffers();
      for (const m of matrices.values()) m.destroy();
      matrices.clear();
    },
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
