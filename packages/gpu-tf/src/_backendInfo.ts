import { GENERATORS, type BackendDescriptor } from '@pi/core';

type SharedFields = Pick<BackendDescriptor, 'id' | 'summary' | 'reproducible' | 'generators' | 'hosts' | 'occupiesThread'>;

/** What a backend of this package is on every host (Node and browsers); each host supplies probe and create. */
const everyHost = (id: string, summary: string, reproducible: boolean): SharedFields => ({
  id,
  summary,
  reproducible,
  generators: GENERATORS,
  hosts: ['node', 'browser'],
  occupiesThread: false,
});

/** The WGSL kernel: every stream a GPU thread. */
export const WEBGPU_BACKEND = everyHost('webgpu', 'fused WGSL kernel on WebGPU, every stream a GPU thread; exact', true);

/** TensorFlow.js tensors. */
export const TFJS_BACKEND = everyHost('tfjs', 'TensorFlow.js tensors from tf.randomUniform (not reproducible)', false);

/** The `tfBackend` option of `tfjs`, with the tfjs backends a host offers. */
export function tfBackendOption(choices: readonly string[], defaultText: string) {
  return { name: 'tfBackend', description: 'tfjs backend the tensors run on', values: { kind: 'choice', choices }, defaultText } as const;
}
