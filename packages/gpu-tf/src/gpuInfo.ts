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

/** GpuInfo as plain lines for a terminal: the adapter, its limits, the tfjs backends. */
export function gpuInfoLines(info: GpuInfo): string[] {
  const a = info.adapter;
  const lines =
    'error' in a
      ? [`adapter   none: ${a.error}`]
      : [
          `adapter   ${a.name}${a.software ? ' — a CPU implementation: its speeds are not GPU speeds' : ''}`,
          `          vendor ${a.vendor || '?'}, architecture ${a.architecture || '?'}, device ${a.device || '?'}, description ${a.description || '?'}`,
          `limits    ${Object.entries(a.limits)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        ];
  for (const b of info.tfBackends) lines.push(`tfjs      ${b.available ? 'yes' : 'no '}  ${b.name.padEnd(10)} ${b.detail}`);
  return lines;
}
