import {
  BLOCK_SIZE,
  binomialStandardError,
  jumpState,
  streamState,
  Z_95,
  type GeneratorName,
} from '@pi/core';
import { streamCounters } from '@pi/cpu';

/** One point of a convergence curve: the estimate after the first `samples` points of the plan. */
export interface ConvergencePoint {
  readonly samples: number;
  readonly inside: number;
  readonly pi: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
}

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
export function convergence(generator: GeneratorName, seed: number, checkpoints: readonly number[]): ConvergencePoint[] {
  const counter = streamCounters[generator];
  const state = new Int32Array(4);
  let base = streamState(generator, seed, 0);
  state.set(base);
  let inBlock = 0;
  let done = 0;
  let inside = 0;
  const out: ConvergencePoint[] = [];
  for (const target of checkpoints) {
    while (done < target) {
      if (inBlock === BLOCK_SIZE) {
        base = jumpState(generator, base, 1);
        state.set(base);
        inBlock = 0;
      }
      const n = Math.min(target - done, BLOCK_SIZE - inBlock);
      inside += counter(state, n);
      done += n;
      inBlock += n;
    }
    const pi = (4 * inside) / done;
    const standardError = binomialStandardError(inside, done);
    out.push({ samples: done, inside, pi, standardError, lower: pi - Z_95 * standardError, upper: pi + Z_95 * standardError });
  }
  return out;
}

/** A Vega-Lite chart of π̂ against samples on a log axis, with the 95% band and a rule at π. */
export function convergenceChart(points: readonly ConvergencePoint[], title: string): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 640,
    height: 360,
    data: { values: points.map((p) => ({ ...p })) },
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
