import { expect, test } from 'vitest';
import { memoryIo } from './io.js';
import { main } from './main.js';

// The GPU commands in-process, on this machine's WebGPU adapter (SwiftShader in CI): the kernel equals the
// loop through the CLI too, and every result names the adapter.
const json = async (argv: string[]) => {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, io, value: code === 0 ? JSON.parse(io.out()) : undefined };
};

test('pi estimate --backend webgpu equals --backend loop and names the adapter', async () => {
  const gpu = await json(['estimate', '--backend', 'webgpu', '--generator', 'numba', '--groups', '500x64', '--seed', '1234', '--json']);
  const cpu = await json(['estimate', '--backend', 'loop', '--generator', 'numba', '--groups', '500x64', '--seed', '1234', '--json']);
  expect(gpu.code).toBe(0);
  expect(gpu.value.inside).toBe(25_183); // numba's simulator, packages/core/test-vectors/numba/fixtures.json
  expect(gpu.value.inside).toBe(cpu.value.inside);
  expect(typeof gpu.value.details.adapter).toBe('string');
}, 60_000);

test('pi estimate --backend tfjs --tf-backend cpu says it is not reproducible; tensorflow without tfjs-node exits 3', async () => {
  const r = await json(['estimate', '--backend', 'tfjs', '--tf-backend', 'cpu', '--samples', '200000', '--json']);
  expect(r.code).toBe(0);
  expect(r.value.reproducible).toBe(false);
  expect(r.value.backend).toBe('tfjs-cpu');
  const io = memoryIo();
  const code = await main(['estimate', '--backend', 'tfjs', '--tf-backend', 'tensorflow', '--samples', '1000'], io);
  expect(code).toBe(3);
  expect(io.err()).toMatch(/tfjs-node/);
  expect(await main(['estimate', '--backend', 'tfjs', '--tf-backend', 'cuda'], memoryIo())).toBe(2);
}, 60_000);

test('pi transfer reports both times, their ratio and correct values', async () => {
  const r = await json(['transfer', '--launches', '5', '--json']);
  expect(r.code).toBe(0);
  expect(r.value).toMatchObject({ length: 10_000, launches: 5, correct: true });
  expect(r.value.ratio).toBeGreaterThan(0);
  expect(await main(['transfer', '--length', '0'], memoryIo())).toBe(2);
}, 60_000);

test('pi transfer on a terminal shows a bar with launches/s and ETA for each way, then clears it; none with --json', async () => {
  const argv = ['transfer', '--length', '1000000', '--launches', '100'];
  const io = memoryIo({ stderrIsTTY: true, columns: 120 });
  expect(await main(argv, io)).toBe(0);
  expect(io.err()).toMatch(/\d+\.\d% +[\d.]+ (k )?launches\/s {2}ETA [^ ]+( s| ms| min)?.* {2}transfer: round trips/);
  expect(io.err().endsWith('\r\u001b[2K')).toBe(true);
  expect(io.out()).toContain('round trips');
  const quiet = memoryIo({ stderrIsTTY: true, columns: 120 });
  expect(await main([...argv, '--json'], quiet)).toBe(0);
  expect(quiet.err()).toBe('');
}, 120_000);
