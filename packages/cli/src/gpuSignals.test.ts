import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { estimateLoop } from '@pi/cpu';
import { expect, test } from 'vitest';

// The webgpu backend's abort promise, on the real binary in a real process: SIGINT while the kernel runs
// (SwiftShader in CI) stops it quickly, prints the complete streams as an aborted result and exits 130;
// the partial count equals the loop's for the same streams.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

test('SIGINT during a webgpu run: partial result of whole streams, equal to loop, exit 130', async () => {
  const child = spawn(process.execPath, [bin, 'estimate', '--backend', 'webgpu', '--samples', '1e12', '--seed', '3', '--json']);
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  // Past Dawn's start and the shader compile: the kernel is running.
  await new Promise((r) => setTimeout(r, 4000));
  const sent = performance.now();
  child.kill('SIGINT');
  const code = await new Promise((r) => child.on('exit', r));
  const latency = performance.now() - sent;
  expect(code).toBe(130);
  const result = JSON.parse(stdout) as { status: string; samples: number; inside: number; details: { dispatches: number } };
  expect(result.status).toBe('aborted');
  expect(result.samples % 65_536).toBe(0);
  expect(result.samples).toBeGreaterThan(0);
  expect(result.details.dispatches).toBeGreaterThan(0);
  // The promise is 200 ms; a generous bound for a loaded two-core machine running SwiftShader on its CPU.
  expect(latency).toBeLessThan(1500);
  expect(result.inside).toBe((await estimateLoop({ samples: result.samples, seed: 3 })).inside);
}, 60_000);
