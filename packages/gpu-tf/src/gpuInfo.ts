import { openNodeGpu } from './_dawn.js';
import type { GpuAdapterSummary } from './adapterInfo.js';
import { probeTfBackends, type TfBackendName } from './tfBackend.js';

/** What `pi info` shows of the GPU side. */
export interface GpuInfo {
  /** The WebGPU adapter Dawn picks, or why there is none. */
  readonly adapter: GpuAdapterSummary | { readonly error: string };
  /** tfjs backends and whether each can load here. */
  readonly tfBackends: ReadonlyArray<{ name: TfBackendName; available: boolean; detail: string }>;
}

/** Adapter and tfjs backends of this machine (Node; opens Dawn). */
export async function describeGpu(): Promise<GpuInfo> {
  let adapter: GpuInfo['adapter'];
  try {
    adapter = (await openNodeGpu()).summary;
  } catch (e) {
    adapter = { error: (e as Error).message };
  }
  return { adapter, tfBackends: await probeTfBackends() };
}
