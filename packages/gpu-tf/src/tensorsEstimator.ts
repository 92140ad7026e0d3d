import { checkOptionKeys, resolveEstimateOptions, type EstimateOptions, type Estimator, type PiResult } from '@pi/core';
import type { OpenNodeGpuOptions } from './_dawn.js';
import { runTensors } from './tensors.js';
import { useTfBackend, type TfBackendName } from './tfBackend.js';

/** Options of the `tfjs` (tensors) estimator. */
export interface TensorsEstimatorOptions extends OpenNodeGpuOptions {
  /** tfjs backend: `webgpu` (default), `tensorflow` or `cpu`. */
  readonly tfBackend?: TfBackendName;
  /** Points per chunk (a multiple of 65,536). */
  readonly chunk?: number;
}

/**
 * The `tfjs` backend: the vectorized tensors method on a tfjs backend. Not reproducible (tf.randomUniform).
 * Results name the tfjs backend and, on webgpu, the adapter (software or not).
 */
export function tensorsEstimator(options: TensorsEstimatorOptions = {}): Estimator {
  checkOptionKeys(options, ['dawnFlags', 'tfBackend', 'chunk']);
  const backend = options.tfBackend ?? 'webgpu';
  return {
    name: `tfjs-${backend}`,
    reproducible: false,
    async run(resolved) {
      const session = await useTfBackend(backend, options);
      return runTensors(session.tf, resolved, {
        backendName: `tfjs-${backend}`,
        ...(options.chunk === undefined ? {} : { chunk: options.chunk }),
        details: {
          ...(session.adapter === undefined ? {} : { adapter: session.adapter.name, software: session.adapter.software }),
          ...(session.provider === undefined ? {} : { provider: session.provider }),
        },
      });
    },
  };
}

/** Estimates π with tensors on a tfjs backend; options validated here. */
export async function estimateTensors(options: EstimateOptions = {}, tensorsOptions: TensorsEstimatorOptions = {}): Promise<PiResult> {
  return tensorsEstimator(tensorsOptions).run(resolveEstimateOptions(options));
}
