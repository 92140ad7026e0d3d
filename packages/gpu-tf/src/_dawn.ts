import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PiError } from '@pi/core';
import { summarizeAdapter, type GpuAdapterSummary } from './adapterInfo.js';

/** A WebGPU device opened in Node through Dawn (the `webgpu` package). */
export interface NodeGpu {
  /** Dawn's instance: kept referenced, because the adapter and device die with it when it is collected. */
  readonly gpu: GPU;
  readonly adapter: GPUAdapter;
  readonly device: GPUDevice;
  readonly summary: GpuAdapterSummary;
}

/** Options for opening Dawn. */
export interface OpenNodeGpuOptions {
  /**
   * Dawn toggles passed to `create()`, e.g. `['backend=vulkan']` or `['adapter=NAME']`. With none, the
   * device is opened once per process and shared (the kernel and the tfjs webgpu backend use the same one).
   */
  readonly dawnFlags?: readonly string[];
}

/** Debian's chromium ships SwiftShader's Vulkan driver here: a software adapter on machines without a GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

let shared: Promise<NodeGpu> | undefined;

/**
 * Sets what Dawn reads from the environment before its first `create()`: `VK_ICD_FILENAMES` (when unset
 * and SwiftShader is installed; real GPU drivers are found by the Vulkan loader without it only when it is
 * unset, so a machine's own setting is never overridden) and a private `XDG_RUNTIME_DIR`, which Vulkan
 * loaders and Dawn's caches expect and headless machines often lack.
 */
export function prepareDawnEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env.VK_ICD_FILENAMES === undefined && env.PI_WEBGPU_NO_SWIFTSHADER === undefined && existsSync(SWIFTSHADER_ICD)) {
    env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  if (env.XDG_RUNTIME_DIR === undefined || !existsSync(env.XDG_RUNTIME_DIR)) {
    env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'pi-webgpu-'));
  }
}

/** Where the Vulkan loader looks for drivers on Linux (its manifest search path), for `hasVulkanDriver`. */
function vulkanDriverFolders(env: NodeJS.ProcessEnv): string[] {
  const config = (env.XDG_CONFIG_DIRS || '/etc/xdg').split(':');
  const data = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':');
  return [
    ...config.map((d) => join(d, 'vulkan', 'icd.d')),
    '/usr/local/etc/vulkan/icd.d',
    '/etc/vulkan/icd.d',
    ...data.map((d) => join(d, 'vulkan', 'icd.d')),
    join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'vulkan', 'icd.d'),
  ];
}

/**
 * Whether the Vulkan loader can find any driver here (Linux). Without one, Dawn would print its loader
 * warnings (with C++ source paths) before finding no adapter; pi says so itself, in one line, instead.
 */
export function hasVulkanDriver(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform !== 'linux') return true;
  if (env.VK_ICD_FILENAMES || env.VK_DRIVER_FILES || env.VK_ADD_DRIVER_FILES) return true;
  return vulkanDriverFolders(env).some((folder) => {
    try {
      return readdirSync(folder).some((name) => name.endsWith('.json'));
    } catch {
      return false;
    }
  });
}

/**
 * Opens a WebGPU adapter and device in Node through Dawn. Refuses, with BACKEND_UNAVAILABLE, when the
 * `webgpu` package cannot load, when no adapter is found, and when the adapter is Dawn's `null` backend
 * (it accepts every command and runs none: its counts would be zeros).
 */
export function openNodeGpu(options: OpenNodeGpuOptions = {}): Promise<NodeGpu> {
  const flags = options.dawnFlags ?? [];
  if (flags.length > 0) return open(flags);
  shared ??= open([]);
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}

async function open(flags: readonly string[]): Promise<NodeGpu> {
  prepareDawnEnvironment();
  if (!hasVulkanDriver()) throw noAdapter();
  let create: (flags: string[]) => GPU;
  try {
    let globals: Record<string, unknown>;
    ({ create, globals } = (await import('webgpu')) as unknown as { create: (flags: string[]) => GPU; globals: Record<string, unknown> });
    // tfjs-backend-webgpu uses WebGPU's global constants (GPUBufferUsage, GPUMapMode…), which browsers
    // define and Node does not: define the missing ones from Dawn's, never replacing a host's own.
    for (const [name, value] of Object.entries(globals)) {
      if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    }
  } catch (e) {
    throw new PiError('BACKEND_UNAVAILABLE', `webgpu: Dawn (the "webgpu" package) did not load: ${(e as Error).message}`, { cause: e });
  }
  let adapter: GPUAdapter | null;
  let gpu: GPU;
  try {
    gpu = create([...flags]);
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    throw new PiError('BACKEND_UNAVAILABLE', `webgpu: Dawn found no adapter: ${(e as Error).message}`, { cause: e });
  }
  if (adapter === null) throw noAdapter();
  const summary = summarizeAdapter(adapter);
  if (summary === undefined) {
    throw new PiError('BACKEND_UNAVAILABLE', "webgpu: only Dawn's null adapter is available, which runs nothing; refusing it");
  }
  const l = adapter.limits;
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
        maxBufferSize: l.maxBufferSize,
        maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
        maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
        maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
        maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
      },
    });
  } catch (e) {
    throw new PiError('BACKEND_UNAVAILABLE', `webgpu: ${summary.name} refused a device: ${(e as Error).message}`, { cause: e });
  }
  return { gpu, adapter, device, summary };
}

function noAdapter(): PiError {
  return new PiError(
    'BACKEND_UNAVAILABLE',
    'webgpu: no WebGPU adapter on this machine (no GPU driver with Vulkan, and no SwiftShader: ' +
      `install Debian's chromium and libvulkan1 for the software adapter at ${SWIFTSHADER_ICD})`,
  );
}
