import { BLOCK_SIZE, StreamCursor, convergencePoint, type ConvergencePoint, type GeneratorName, type Progress } from '@pi/core';
import { yieldToEventLoop } from '@pi/core/internal';
import { streamCounters } from '@pi/cpu';

/** Sample counts 16, 32, 64, … doubling up to `samples`, and `samples` itself. */
export function doublingCheckpoints(samples: number): number[] {
  const points: number[] = [];
  for (let n = 16; n < samples; n *= 2) points.push(n);
  points.push(samples);
  return points;
}

/**
 * The estimate after each checkpoint, counted once through the plan in order. The first n points of a
 * samples plan are exactly the samples plan of n points (blocks in order, the last one cut), so every
 * point of the curve is itself a reproducible estimate: `pi estimate --samples n` gives the same count.
 */
export async function convergence(
  generator: GeneratorName,
  seed: number,
  checkpoints: readonly number[],
  run: { readonly signal?: AbortSignal; readonly onProgress?: (progress: Progress) => void } = {},
): Promise<{ points: ConvergencePoint[]; aborted: boolean }> {
  const started = performance.now();
  let sliceStarted = started;
  const total = checkpoints[checkpoints.length - 1] ?? 0;
  const counter = streamCounters[generator];
  const streams = new StreamCursor(generator, seed);
  const state = new Int32Array(streams.state);
  let inBlock = 0;
  let done = 0;
  let inside = 0;
  const out: ConvergencePoint[] = [];
  for (const target of checkpoints) {
    while (done < target) {
      if (inBlock === BLOCK_SIZE) {
        state.set(streams.advance());
        inBlock = 0;
      }
      const n = Math.min(target - done, BLOCK_SIZE - inBlock);
      inside += counter(state, n);
      done += n;
      inBlock += n;
      // Every ~40 ms: progress, and a pause that lets a signal in; a stop keeps the points so far.
      if (performance.now() - sliceStarted >= 40) {
        const elapsedSeconds = (performance.now() - started) / 1000;
        run.onProgress?.({ samplesDone: done, samplesTotal: total, inside, elapsedSeconds });
        await yieldToEventLoop();
        sliceStarted = performance.now();
        if (run.signal?.aborted === true) return { points: out, aborted: true };
      }
    }
    out.push(convergencePoint(inside, done));
  }
  return { points: out, aborted: false };
}

/** A point with its interval's ends as fields of their own: for the chart, and `pi plot --json`. */
export function flatPoint(p: ConvergencePoint) {
  return { samples: p.samples, inside: p.inside, pi: p.pi, standardError: p.standardError, lower: p.ci.lower, upper: p.ci.upper };
}

/** A Vega-Lite chart of π̂ against samples on a log axis, with the 95% band and a rule at π. */
export function convergenceChart(points: readonly ConvergencePoint[], title: string): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 640,
    height: 360,
    data: { values: points.map(flatPoint) },
    encoding: { x: { field: 'samples', type: 'quantitative', scale: { type: 'log' }, title: 'samples (log scale)' } },
    layer: [
      {
        mark: { type: 'area', opacity: 0.25, color: '#4c78a8' },
        encoding: {
          y: { field: 'lower', type: 'quantitative', title: 'π̂ with its 95% interval', scale: { zero: false } },
          y2: { field: 'upper' },
        },
      },
      { mark: { type: 'line', point: true, color: '#4c78a8' }, encoding: { y: { field: 'pi', type: 'quantitative' } } },
      {
        data: { values: [{ pi: Math.PI }] },
        mark: { type: 'rule', color: '#e45756', strokeDash: [6, 4] },
        encoding: { y: { field: 'pi', type: 'quantitative' }, x: null },
      },
    ],
  };
}
