// The lecture's first GPU program, in WebGPU: increment_by_one on 10,000
// ones, launched 25 times, first with the array copied around every launch,
// then kept on the device. The kernel is INCREMENT_BY_ONE_WGSL, the WGSL
// source that @pi/gpu-tf runs; in Node, WebGPU is Dawn (`webgpu` package).
import { INCREMENT_BY_ONE_WGSL, openNodeGpu } from '@pi/gpu-tf';

// #region device
// cuda.current_context(): a device, on a real GPU or a software adapter.
const { device, summary } = await openNodeGpu();
console.log(`adapter: ${summary.name}`);
// #endregion device

// #region launch
// @cuda.jit compiles on first call; WebGPU compiles a pipeline up front.
const pipeline = await device.createComputePipelineAsync({
  layout: 'auto',
  compute: {
    module: device.createShaderModule({ code: INCREMENT_BY_ONE_WGSL }),
    entryPoint: 'main',
  },
});

const n = 10_000;
const bytes = n * 4; // float32: WGSL has no float64
const { STORAGE, COPY_SRC, COPY_DST, MAP_READ } = GPUBufferUsage;
const onDevice = device.createBuffer({
  size: bytes,
  usage: STORAGE | COPY_SRC | COPY_DST,
});
const readback = device.createBuffer({
  size: bytes,
  usage: MAP_READ | COPY_DST,
});
const bindings = device.createBindGroup({
  layout: pipeline.getBindGroupLayout(0),
  entries: [{ binding: 0, resource: { buffer: onDevice } }],
});

// increment_by_one[blocks, threads_per_block](x): the shader fixes 64
// threads per workgroup, so the launch says only how many workgroups.
function incrementByOne(copyBack: boolean): void {
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindings);
  pass.dispatchWorkgroups(Math.ceil(n / 64)); // blocks = n // 64 + 1
  pass.end();
  if (copyBack) encoder.copyBufferToBuffer(onDevice, 0, readback, 0, bytes);
  device.queue.submit([encoder.finish()]);
}

// copy_to_host(): wait for the copy, then read the mapped memory.
async function copyToHost(into: Float32Array): Promise<void> {
  await readback.mapAsync(GPUMapMode.READ);
  into.set(new Float32Array(readback.getMappedRange()));
  readback.unmap();
}
// #endregion launch

// #region roundTrip
// A host array passed to a numba kernel is copied there and back each time.
const test = new Float32Array(n).fill(1);
let started = performance.now();
for (let i = 0; i < 25; i++) {
  device.queue.writeBuffer(onDevice, 0, test); // host → device
  incrementByOne(true);
  await copyToHost(test); // device → host
}
const roundTrip = performance.now() - started;
console.log(`round trip every launch: ${roundTrip.toFixed(1)} ms`);
console.log(`test[:3] = ${test.slice(0, 3).join(', ')}`);
// #endregion roundTrip

// #region onDevice
// cuda.to_device once, 25 launches on the device copy, copy_to_host once.
const fresh = new Float32Array(n).fill(1);
started = performance.now();
device.queue.writeBuffer(onDevice, 0, fresh); // cuda.to_device(test)
for (let i = 0; i < 25; i++) incrementByOne(false);
await device.queue.onSubmittedWorkDone(); // cuda.synchronize()
const commands = device.createCommandEncoder();
commands.copyBufferToBuffer(onDevice, 0, readback, 0, bytes);
device.queue.submit([commands.finish()]);
await copyToHost(fresh); // test_cuda.copy_to_host()
const kept = performance.now() - started;
console.log(`kept on the device: ${kept.toFixed(1)} ms`);
console.log(`test_result[:3] = ${fresh.slice(0, 3).join(', ')}`);
// #endregion onDevice

onDevice.destroy();
readback.destroy();
