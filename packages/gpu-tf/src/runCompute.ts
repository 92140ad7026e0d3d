import { BufferUsage, MAP_READ } from './_gpuConstants.js';
import { compileCompute } from './piKernel.js';

/** One compute run over a storage array: what `runCompute` needs. */
export interface ComputeRun {
  /** WGSL with entry point `main` and `@group(0) @binding(0) var<storage, read_write> data: array<…>`. */
  readonly code: string;
  /** Names the shader in errors. */
  readonly label: string;
  /** The array's initial contents; the result is its final contents. */
  readonly data: Uint32Array;
  /** Workgroups to launch (x only). */
  readonly workgroups: number;
  /** Bound at `@group(1) @binding(0)` as a read-only storage buffer: `streamMatrices(generator)` for the random-stream modules. */
  readonly matrices?: Uint32Array;
}

/**
 * Runs a compute shader once over one storage array and reads the array back: the small host side a kernel
 * on the random-stream modules needs (compile, upload, dispatch, read back). Failures are PiErrors.
 */
export async function runCompute(device: GPUDevice, run: ComputeRun): Promise<Uint32Array> {
  const pipeline = await compileCompute(device, run.code, run.label);
  const size = run.data.byteLength;
  const data = device.createBuffer({ size, usage: BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC });
  const read = device.createBuffer({ size, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
  const matrices =
    run.matrices === undefined
      ? undefined
      : device.createBuffer({ size: run.matrices.byteLength, usage: BufferUsage.STORAGE | BufferUsage.COPY_DST });
  try {
    device.queue.writeBuffer(data, 0, run.data as Uint32Array<ArrayBuffer>);
    if (matrices !== undefined) device.queue.writeBuffer(matrices, 0, run.matrices as Uint32Array<ArrayBuffer>);
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(
      0,
      device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: data } }] }),
    );
    if (matrices !== undefined) {
      pass.setBindGroup(
        1,
        device.createBindGroup({ layout: pipeline.getBindGroupLayout(1), entries: [{ binding: 0, resource: { buffer: matrices } }] }),
      );
    }
    pass.dispatchWorkgroups(run.workgroups);
    pass.end();
    encoder.copyBufferToBuffer(data, 0, read, 0, size);
    device.queue.submit([encoder.finish()]);
    await read.mapAsync(MAP_READ);
    const out = new Uint32Array(read.getMappedRange().slice(0));
    read.unmap();
    return out;
  } finally {
    for (const b of [data, read, matrices]) b?.destroy();
  }
}
