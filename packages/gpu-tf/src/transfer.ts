import { invalidArgument } from '@pi/core';
import { BufferUsage, MAP_READ } from './_gpuConstants.js';
import { compileCompute } from './piKernel.js';

/** Threads per workgroup of the transfer kernel. */
const WORKGROUP = 64;

/**
 * The seed's `increment_by_one` kernel in WGSL: one thread per element, guarded by the array's length.
 * Workgroups are laid out in two dimensions (rows of `num_workgroups.x`), so arrays past the 65,535
 * workgroups one dimension allows (4,194,240 elements) are covered too.
 */
export const INCREMENT_BY_ONE_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> x: array<f32>;

@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let pos = gid.y * groups.x * ${WORKGROUP}u + gid.x;
  if (pos < arrayLength(&x)) {
    x[pos] = x[pos] + 1.0;
  }
}
`;

/**
 * The longest array this device can run the demo on: its storage binding and buffer sizes, and the
 * workgroups of a 2-D dispatch.
 */
export function maxTransferLength(limits: GPUSupportedLimits): number {
  const perDimension = limits.maxComputeWorkgroupsPerDimension;
  return Math.min(
    Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / 4),
    perDimension * perDimension * WORKGROUP,
  );
}

/** A 2-D dispatch covering `groups` workgroups with at most `perDimension` in each direction. */
function dispatchShape(groups: number, perDimension: number): [number, number] {
  const x = Math.min(groups, perDimension);
  return [x, Math.ceil(groups / x)];
}

/** Options of the transfer demo. */
export interface TransferOptions {
  /** Elements (10,000 as in the seed). */
  readonly length?: number;
  /** Kernel launches (25 as in the seed). */
  readonly launches?: number;
  /** Stops between launches; the result then says `status: "aborted"` with the times so far. */
  readonly signal?: AbortSignal;
  /** Told about every 40 ms, and at the end of each way, how many launches of that way are done. */
  readonly onProgress?: (progress: TransferProgress) => void;
}

/** How far the transfer demo is: the way it is timing, and that way's launches done. */
export interface TransferProgress {
  /** `round trips` first, then `kept on device`. */
  readonly phase: 'round trips' | 'kept on device';
  readonly launchesDone: number;
  /** The way's launches in all (the demo's `launches`). */
  readonly launches: number;
  /** Seconds since this way started. */
  readonly elapsedSeconds: number;
}

/** How often the demo reports progress. */
const PROGRESS_MS = 40;

/** What the transfer demo measured. */
export interface TransferResult {
  readonly length: number;
  readonly launches: number;
  /** Seconds with the array copied to the device and back around every launch. */
  readonly roundTripSeconds: number;
  /** Seconds with the array copied once each way and kept on the device between launches. */
  readonly keptOnDeviceSeconds: number;
  /** roundTripSeconds / keptOnDeviceSeconds. */
  readonly ratio: number;
  /** Both ways ended with every element equal to 1 + launches (false when aborted). */
  readonly correct: boolean;
  /** `completed`, or `aborted` between launches. */
  readonly status: 'completed' | 'aborted';
}

/**
 * The seed's host↔device lesson: `increment_by_one` on an array of ones (float32 here: WGSL has no f64),
 * launched `launches` times, once copying the array to the device and back around every launch (what numba
 * does with a host array) and once kept on the device with one copy each way (`cuda.to_device`,
 * `copy_to_host`). Both wait for the device at the end, like `cuda.synchronize()`. The pipeline is
 * compiled before either is timed.
 *
 * @example
 * ```ts
 * import { openNodeGpu, runTransferDemo } from '@pi/gpu-tf';
 *
 * const { device } = await openNodeGpu();
 * const t = await runTransferDemo(device, { length: 10_000, launches: 25 });
 * console.log(t.roundTripSeconds, t.keptOnDeviceSeconds, t.correct);
 * ```
 */
export async function runTransferDemo(device: GPUDevice, options: TransferOptions = {}): Promise<TransferResult> {
  const length = options.length ?? 10_000;
  const launches = options.launches ?? 25;
  const { signal, onProgress } = options;
  const most = maxTransferLength(device.limits);
  if (!Number.isInteger(length) || length < 1 || length > most) {
    throw invalidArgument('length', length, `an integer in [1, ${most}] (this device's buffer and dispatch limits)`);
  }
  const bytes = length * 4;
  const pipeline = await compileCompute(device, INCREMENT_BY_ONE_WGSL, 'increment_by_one kernel');
  const data = device.createBuffer({ size: bytes, usage: BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC });
  const readback = device.createBuffer({ size: bytes, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: { buffer: data } }],
  });
  const [groupsX, groupsY] = dispatchShape(Math.ceil(length / WORKGROUP), device.limits.maxComputeWorkgroupsPerDimension);

  const launch = (copyBack: boolean) => {
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(groupsX, groupsY);
    pass.end();
    if (copyBack) encoder.copyBufferToBuffer(data, 0, readback, 0, bytes);
    device.queue.submit([encoder.finish()]);
  };
  const readBack = async (into: Float32Array) => {
    await readback.mapAsync(MAP_READ, 0, bytes);
    into.set(new Float32Array(readback.getMappedRange(0, bytes)));
    readback.unmap();
  };

  let reported = 0;
  const report = (phase: TransferProgress['phase'], launchesDone: number, since: number, last = false) => {
    const now = performance.now();
    if (onProgress === undefined || (!last && now - reported < PROGRESS_MS)) return;
    reported = now;
    onProgress({ phase, launchesDone, launches, elapsedSeconds: (now - since) / 1000 });
  };

  try {
    const host = new Float32Array(length).fill(1);
    let t = performance.now();
    let done = 0;
    for (; done < launches && signal?.aborted !== true; done++) {
      device.queue.writeBuffer(data, 0, host);
      launch(true);
      await readBack(host);
      report('round trips', done + 1, t);
    }
    report('round trips', done, t, true);
    const roundTripSeconds = (performance.now() - t) / 1000;
    const roundTripOk = host.every((v) => v === 1 + launches);

    const kept = new Float32Array(length).fill(1);
    t = performance.now();
    device.queue.writeBuffer(data, 0, kept);
    // Launches are queued in batches, waiting for the device between them, so a stop is seen within one batch.
    for (done = 0; done < launches && signal?.aborted !== true; done++) {
      launch(done === launches - 1);
      if (done % 64 === 63) {
        await device.queue.onSubmittedWorkDone();
        report('kept on device', done + 1, t);
      }
    }
    if (signal?.aborted !== true) await readBack(kept);
    report('kept on device', done, t, true);
    const keptOnDeviceSeconds = (performance.now() - t) / 1000;
    const keptOk = kept.every((v) => v === 1 + launches);
    const aborted = signal?.aborted === true;
    return {
      length,
      launches,
      roundTripSeconds,
      keptOnDeviceSeconds,
      ratio: roundTripSeconds / keptOnDeviceSeconds,
      correct: !aborted && roundTripOk && keptOk,
      status: aborted ? 'aborted' : 'completed',
    };
  } finally {
    data.destroy();
    readback.destroy();
  }
}
