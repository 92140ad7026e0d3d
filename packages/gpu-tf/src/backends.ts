import type { BackendDescriptor } from '@pi/core';
import { TFJS_BACKEND, WEBGPU_BACKEND, tfBackendOption } from './_backendInfo.js';
import { openNodeGpu } from './_dawn.js';
import { kernelEstimator } from './kernelEstimator.js';
import { tensorsEstimator } from './tensorsEstimator.js';
import { TF_BACKENDS, probeTfBackends, type TfBackendName } from './tfBackend.js';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The backends of @pi/gpu-tf in Node: the WGSL kernel on Dawn, and tfjs tensors. */
export const gpuTfBackends: readonly BackendDescriptor[] = [
  {
    ...WEBGPU_BACKEND,
    options: [],
    probe: async () => {
      try {
        const { summary } = await openNodeGpu();
        return { available: true, detail: summary.name };
      } catch (error) {
        return { available: false, detail: reason(error) };
      }
    },
    create: async () => kernelEstimator(),
  },
  {
    ...TFJS_BACKEND,
    options: [tfBackendOption(TF_BACKENDS, 'webgpu')],
    probe: async () => {
      try {
        const tf = await probeTfBackends();
        return { available: true, detail: tf.map((b) => `${b.name} ${b.available ? 'yes' : 'no'}`).join(', ') };
      } catch (error) {
        return { available: false, detail: reason(error) };
      }
    },
    create: async (options = {}) => {
      const tfBackend = options['tfBackend'] as TfBackendName | undefined;
      return tensorsEstimator(tfBackend === undefined ? {} : { tfBackend });
    },
  },
];
