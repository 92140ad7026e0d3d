import { PiError, resolveEstimateOptions } from '@pi/core';
import { expect, test } from 'vitest';
import { compileCompute, createPiKernel, openNodeGpu } from './index.js';

// Failure paths: each becomes a PiError with its code, quickly; none hangs or counts zeros.
const code = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PiError);
  return (e as PiError).code;
};

test("Dawn's null adapter is refused", async () => {
  expect(await code(openNodeGpu({ dawnFlags: ['backend=null'] }))).toBe('BACKEND_UNAVAILABLE');
});

test('no adapter is BACKEND_UNAVAILABLE', async () => {
  expect(await code(openNodeGpu({ dawnFlags: ['adapter=no such adapter'] }))).toBe('BACKEND_UNAVAILABLE');
});

test('a shader that does not compile is BACKEND_UNAVAILABLE, naming the shader', async () => {
  const { device } = await openNodeGpu();
  const e = await compileCompute(device, 'fn main( { this is not WGSL', 'broken shader').catch((x: unknown) => x);
  expect((e as PiError).code).toBe('BACKEND_UNAVAILABLE');
  expect((e as PiError).message).toMatch(/broken shader did not compile/);
});

test('a lost device is DEVICE_LOST, not a hang', async () => {
  // A device of its own (any flag opens a private one), destroyed under the kernel.
  const gpu = await openNodeGpu({ dawnFlags: ['backend=vulkan'] });
  const kernel = createPiKernel(gpu.device, gpu.summary);
  await kernel.compile('xoshiro128p');
  gpu.device.destroy();
  const c = await code(kernel.run(resolveEstimateOptions({ samples: 10_000_000 })));
  expect(['DEVICE_LOST', 'RUNTIME_FAILURE']).toContain(c);
});
