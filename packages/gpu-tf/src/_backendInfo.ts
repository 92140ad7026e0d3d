import { GENERATORS, type BackendDescriptor } from '@pi/core';

/** What the `webgpu` backend is, on every host; each host supplies its own probe and create. */
export const WEBGPU_BACKEND = {
  id: 'webgpu',
  summary: 'fused WGSL kernel on WebGPU, every stream a GPU thread; exact',
  reproducible: true,
  generators: GENERATORS,
  hosts: ['node', 'browser'],
  occupiesThread: false,
} as const satisfies Partial<BackendDescriptor>;

/** What the `tfjs` backend is, on every host. */
export const TFJS_BACKEND = {
  id: 'tfjs',
  summary: 'TensorFlow.js tensors from tf.randomUniform (not reproducible)',
  reproducible: false,
  generators: GENERATORS,
  hosts: ['node', 'browser'],
  occupiesThread: false,
} as const satisfies Partial<BackendDescriptor>;

/** The `tfBackend` option of `tfjs`, with the tfjs backends a host offers. */
export function tfBackendOption(choices: readonly string[], defaultText: string) {
  return { name: 'tfBackend', description: 'tfjs backend the tensors run on', values: { kind: 'choice', choices }, defaultText } as const;
}
