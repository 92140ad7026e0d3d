import { PiError, resolveEstimateOptions } from '@pi/core';
import { expect, test } from 'vitest';
import { tensorsEstimator, useTfBackend } from './index.js';

// Statistical checks (tf.randomUniform is not seeded: |π̂ − π| < 4·SE fails about once in 16,000 runs)
// and the memory promise: no tensor outlives a run.
test.each(['cpu', 'webgpu'] as const)(
  'tensors on tfjs %s: π within 4 SE, no tensor leaks, says it is not reproducible',
  async (tfBackend) => {
    const { tf } = await useTfBackend(tfBackend);
    const before = tf.memory().numTensors;
    const r = await tensorsEstimator({ tfBackend, chunk: 65_536 * 4 }).run(resolveEstimateOptions({ samples: 1_000_000 }));
    expect(tf.memory().numTensors).toBe(before);
    expect(r.samples).toBe(1_000_000);
    expect(Math.abs(r.pi - Math.PI)).toBeLessThan(4 * r.standardError);
    expect(r.reproducible).toBe(false);
    expect(r.generator).toBe('tf.randomUniform');
    expect(r.seed).toBeNull();
    expect(r.backend).toBe(`tfjs-${tfBackend}`);
    expect(r.details?.tfBackend).toBe(tfBackend);
    if (tfBackend === 'webgpu') expect(typeof r.details?.adapter).toBe('string');
  },
);

test('tensors: groups plans give per-group counts; aborts keep whole chunks and leak nothing', async () => {
  const { tf } = await useTfBackend('cpu');
  const before = tf.memory().numTensors;
  const g = await tensorsEstimator({ tfBackend: 'cpu' }).run(resolveEstimateOptions({ groups: { pointsPerGroup: 1000, groups: 5 } }));
  expect(g.groupCounts).toHaveLength(5);
  expect(g.groupCounts!.reduce((a, b) => a + b, 0)).toBe(g.inside);
  const controller = new AbortController();
  const r = await tensorsEstimator({ tfBackend: 'cpu', chunk: 65_536 }).run({
    ...resolveEstimateOptions({ samples: 65_536 * 50 }),
    signal: controller.signal,
    onProgress: (p) => {
      if (p.samplesDone > 0) controller.abort();
    },
  });
  expect(r.status).toBe('aborted');
  expect(r.samples % 65_536).toBe(0);
  expect(r.samples).toBeLessThan(65_536 * 50);
  expect(tf.memory().numTensors).toBe(before);
});

test('tensorflow backend: a clear BACKEND_UNAVAILABLE when tfjs-node(-gpu) is not installed', async () => {
  let installed = true;
  try {
    await import('@tensorflow/tfjs-node' as string);
  } catch {
    installed = false;
  }
  if (installed) return; // the message is only promised where the package is missing
  const error = await useTfBackend('tensorflow').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PiError);
  expect((error as PiError).code).toBe('BACKEND_UNAVAILABLE');
  expect((error as PiError).message).toMatch(/tfjs-node-gpu.*CUDA 11\.2.*tfjs-node/);
});

test('tensorsEstimator refuses unknown options instead of ignoring them', () => {
  expect(() => tensorsEstimator({ tfbackend: 'cpu' } as never)).toThrow(
    /options: "tfbackend" is not allowed; expected one of the keys dawnFlags, tfBackend, chunk/,
  );
});
