// Bundled by workers.browser.test.ts for the browser, with Vite and with esbuild, from the built package
// (dist/) as an app would, and run in headless Chromium: the `workers` estimator on real Web Workers,
// against loop and simd on the page.
import { resolveEstimateOptions } from '@pi/core';
import { createWorkersEstimator, estimateLoop, estimateSimd, simdSupported } from '@pi/cpu';

/** Runs the checks on the page; the test reads what it returns. */
export async function check() {
  const rows = [];
  const workers = createWorkersEstimator({ threads: 3 });
  for (const generator of ['xoshiro128p', 'numba'] as const) {
    for (const plan of [{ samples: 37 * 65_536 + 11 }, { groups: { pointsPerGroup: 500, groups: 64 } }]) {
      const options = { ...plan, generator, seed: 1234 };
      const result = await workers.run(resolveEstimateOptions(options));
      rows.push({
        generator,
        plan: JSON.stringify(plan),
        loop: (await estimateLoop(options)).inside,
        simd: (await estimateSimd(options)).inside,
        workers: result.inside,
        details: result.details,
      });
    }
  }
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 300);
  const aborted = await workers.run(resolveEstimateOptions({ samples: 1e13, signal: controller.signal }));
  const prefix = aborted.samples > 0 ? (await estimateSimd({ samples: aborted.samples })).inside : 0;
  const crashing = createWorkersEstimator({ threads: 2, crashOnStream: { stream: 0, times: 2 } });
  const crash = await crashing.run(resolveEstimateOptions({ samples: 8 * 65_536 })).then(
    () => 'no error',
    (error: { code?: string }) => error.code,
  );
  await crashing.dispose?.();
  await workers.dispose?.();
  return {
    simdSupported: simdSupported(),
    rows,
    aborted: { status: aborted.status, samples: aborted.samples, inside: aborted.inside, prefix },
    crash,
  };
}

// Where this file is the entry (esbuild); the Vite page's own entry does the same, because this package's
// `sideEffects: false` lets Vite drop a bare import of it.
(globalThis as { check?: typeof check }).check = check;
