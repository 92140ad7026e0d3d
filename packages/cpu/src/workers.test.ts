import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BLOCK_SIZE, isPiError, resolveEstimateOptions } from '@pi/core';
import { afterAll, describe, expect, test } from 'vitest';
import { estimateLoop } from './loop.js';
import { estimateSimd } from './simd.js';
import { createWorkersEstimator } from './workers.js';

// These tests start real worker threads running dist/workerMain.js: `pnpm --filter @pi/cpu build` first
// (turbo's test task depends on build).

const pools = new Map<number, ReturnType<typeof createWorkersEstimator>>();
/** One warm pool per thread count, shared by the tests (also checks that a pool serves many runs). */
const pool = (threads: number) => {
  let estimator = pools.get(threads);
  if (estimator === undefined) pools.set(threads, (estimator = createWorkersEstimator({ threads })));
  return estimator;
};
afterAll(async () => {
  for (const estimator of pools.values()) await estimator.dispose?.();
});

// Equality with loop for every thread count, plan shape and generator is the conformance suite's
// (packages/cli/test/conformance.ts); these tests cover what is particular to the pool.

describe('workers: known answer', () => {
  test("groups are the seed's evaluate_pi_mt: numba 500 × 64, seed 1234 gives the CUDA simulator's 25183", async () => {
    const result = await pool(2).run(
      resolveEstimateOptions({ generator: 'numba', groups: { pointsPerGroup: 500, groups: 64 }, seed: 1234 }),
    );
    expect(result.inside).toBe(25183);
    expect(result.groupEstimates).toHaveLength(64);
  });
});

describe('workers: abort, progress, crashes, lifetime', () => {
  test('abort stops within 200 ms with complete blocks only: exactly the first blocks of the plan', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, 400);
    const result = await pool(2).run(
      // The largest plan there is (2^37 streams): tasks are made as they are handed out, not all at once.
      resolveEstimateOptions({ samples: 2 ** 53 - 1, seed: 5, signal: controller.signal, onProgress: (p) => progress.push(p.samplesDone) }),
    );
    const stopMs = performance.now() - abortedAt;
    expect(result.status).toBe('aborted');
    expect(stopMs).toBeLessThan(200);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(result.samples % BLOCK_SIZE).toBe(0);
    expect(result.samples).toBeGreaterThan(0);
    // The partial result is exactly a smaller plan's (simd is checked against loop in simd.test.ts).
    expect((await estimateSimd({ samples: result.samples, seed: 5 })).inside).toBe(result.inside);
    // The pool still works after an abort.
    const after = await pool(2).run(resolveEstimateOptions({ samples: 5 * BLOCK_SIZE + 1, seed: 5 }));
    expect(after.inside).toBe((await estimateLoop({ samples: 5 * BLOCK_SIZE + 1, seed: 5 })).inside);
  });

  test('a worker that dies once: its streams are retried on a fresh worker and the count is exact', async () => {
    const estimator = createWorkersEstimator({ threads: 2, crashOnStream: { stream: 10, times: 1 } });
    try {
      const options = { samples: 40 * BLOCK_SIZE + 17, seed: 3, generator: 'numba' as const };
      const result = await estimator.run(resolveEstimateOptions(options));
      expect(result.inside).toBe((await estimateLoop(options)).inside);
    } finally {
      await estimator.dispose?.();
    }
  });

  test('a worker that dies twice on the same streams: PiError WORKER_FAILED, then the pool recovers', async () => {
    const estimator = createWorkersEstimator({ threads: 2, crashOnStream: { stream: 0, times: 2 } });
    try {
      const options = resolveEstimateOptions({ samples: 8 * BLOCK_SIZE, seed: 3 });
      const error = await estimator.run(options).catch((e: unknown) => e);
      expect(isPiError(error) && error.code === 'WORKER_FAILED').toBe(true);
      const result = await estimator.run(options);
      expect(result.inside).toBe((await estimateLoop({ samples: 8 * BLOCK_SIZE, seed: 3 })).inside);
    } finally {
      await estimator.dispose?.();
    }
  });

  test('runs started together on one pool are served one after the other, each exact', async () => {
    const plans = [11, 12, 13].map((seed) => ({ samples: 6 * BLOCK_SIZE + seed, seed }));
    const results = await Promise.all(plans.map((plan) => pool(2).run(resolveEstimateOptions(plan))));
    for (const [i, plan] of plans.entries()) expect(results[i]!.inside).toBe((await estimateLoop(plan)).inside);
  });

  test('dispose closes the pool; the estimator starts a fresh one on its next run', async () => {
    const estimator = createWorkersEstimator({ threads: 2 });
    const options = resolveEstimateOptions({ samples: 3 * BLOCK_SIZE, seed: 11 });
    const first = await estimator.run(options);
    await estimator.dispose?.();
    const second = await estimator.run(options);
    await estimator.dispose?.();
    expect(second.inside).toBe(first.inside);
  });

  test('a script that never calls dispose (the shared `workers` pool stays warm) still exits when done', () => {
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const script = `const { estimateWorkers } = await import(${JSON.stringify(dist)});
      const r = await estimateWorkers({ samples: 2e6, seed: 1 }); console.log(r.inside);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      timeout: 20_000,
      encoding: 'utf8',
    });
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toMatch(/^\d+$/);
  });

  test('dispose during a run rejects that run and the one queued behind it with ABORTED, within 200 ms', async () => {
    const estimator = createWorkersEstimator({ threads: 2 });
    const big = resolveEstimateOptions({ samples: 2 ** 50, seed: 1 });
    const running = estimator.run(big).catch((e: unknown) => e);
    const queued = estimator.run(big).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 300));
    const disposedAt = performance.now();
    await estimator.dispose?.();
    const [first, second] = await Promise.all([running, queued]);
    expect(performance.now() - disposedAt).toBeLessThan(200);
    for (const error of [first, second]) expect(isPiError(error) && error.code === 'ABORTED').toBe(true);
    expect((first as Error).message).toMatch(/disposed/);
  });

  test('a worker that hangs is stopped by the watchdog and its streams retried: the count is exact', async () => {
    const estimator = createWorkersEstimator({ threads: 2, watchdogMs: 400, hangOnStream: { stream: 10, times: 1 } });
    try {
      const options = { samples: 40 * BLOCK_SIZE + 17, seed: 3 };
      const result = await estimator.run(resolveEstimateOptions(options));
      expect(result.inside).toBe((await estimateLoop(options)).inside);
    } finally {
      await estimator.dispose?.();
    }
  });

  test('a worker that hangs twice on the same streams: WORKER_FAILED naming the watchdog, not a hang', async () => {
    const estimator = createWorkersEstimator({ threads: 2, watchdogMs: 300, hangOnStream: { stream: 0, times: 2 } });
    try {
      const error = await estimator.run(resolveEstimateOptions({ samples: 8 * BLOCK_SIZE, seed: 3 })).catch((e: unknown) => e);
      expect(isPiError(error) && error.code === 'WORKER_FAILED').toBe(true);
      expect((error as Error).message).toMatch(/silent for \d+\.\d s, longer than the watchdog's 0.3 s/);
    } finally {
      await estimator.dispose?.();
    }
  });

  test("an exception in the caller's onProgress rejects the run with it, as loop and simd do", async () => {
    const boom = new Error('progress callback failed');
    const error = await pool(2)
      .run(
        resolveEstimateOptions({
          samples: 2 ** 40,
          seed: 2,
          onProgress: () => {
            throw boom;
          },
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBe(boom);
    const after = await pool(2).run(resolveEstimateOptions({ samples: 3 * BLOCK_SIZE, seed: 2 }));
    expect(after.inside).toBe((await estimateLoop({ samples: 3 * BLOCK_SIZE, seed: 2 })).inside);
  });

  test('threads are capped at the number of tasks: --threads 1024 on one stream starts one worker', async () => {
    const estimator = createWorkersEstimator({ threads: 1024 });
    try {
      const started = performance.now();
      const result = await estimator.run(resolveEstimateOptions({ samples: 1000, seed: 1 }));
      expect(result.details?.['threads']).toBe(1);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await estimator.dispose?.();
    }
  });

  test('unknown pool options are refused', () => {
    expect(() => createWorkersEstimator({ thread: 2 } as never)).toThrow(/options: "thread" is not allowed/);
  });

  test('threads must be an integer in [1, 1024]', () => {
    for (const threads of [0, -1, 1.5, 2000, Number.NaN]) {
      expect(() => createWorkersEstimator({ threads })).toThrow(/threads: .* expected an integer in \[1, 1024\]/);
    }
  });
});
