/** What pi says about a WebGPU adapter: the seed's `cuda.current_context().device.name`, and more. */
export interface GpuAdapterSummary {
  /** A readable name, e.g. `nvidia hopper (NVIDIA H100 80GB HBM3)` or `SwiftShader driver 5.0.0 (software)`. */
  readonly name: string;
  /** Vendor as the adapter reports it, e.g. `nvidia`, `google`. */
  readonly vendor: string;
  /** Architecture, e.g. `hopper`, `swiftshader`. */
  readonly architecture: string;
  /** Device string, may be empty. */
  readonly device: string;
  /** Driver's description, may be empty. */
  readonly description: string;
  /** True for CPU implementations (SwiftShader, llvmpipe, WARP): never presented as GPU speed. */
  readonly software: boolean;
  /** Limits that bound our kernels. */
  readonly limits: {
    readonly maxComputeInvocationsPerWorkgroup: number;
    readonly maxComputeWorkgroupsPerDimension: number;
    readonly maxStorageBufferBindingSize: number;
    readonly maxBufferSize: number;
    readonly maxComputeWorkgroupStorageSize: number;
  };
}

/** Names of CPU implementations of WebGPU/Vulkan/D3D. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b|software/i;

/** The adapter's info as a summary. Dawn's null adapter (empty info, device `null-backend`) gives `undefined`. */
export function summarizeAdapter(adapter: GPUAdapter): GpuAdapterSummary | undefined {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const vendor = info?.vendor ?? '';
  const architecture = info?.architecture ?? '';
  const device = info?.device ?? '';
  const description = info?.description ?? '';
  // Dawn's null backend answers with an adapter whose info is empty but for device "null-backend", and
  // which accepts every command and runs none.
  if ((vendor === '' && architecture === '' && description === '') || /null-backend/i.test(device)) return undefined;
  const software =
    info?.isFallbackAdapter === true ||
    (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter === true ||
    SOFTWARE.test(`${vendor} ${architecture} ${device} ${description}`);
  const base = description !== '' ? description : [vendor, architecture, device].filter((s) => s !== '').join(' ');
  const l = adapter.limits;
  return {
    name: software ? `${base} (software)` : base,
    vendor,
    architecture,
    device,
    description,
    software,
    limits: {
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
    },
  };
}
