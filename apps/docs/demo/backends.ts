import { BackendRegistry, type BackendAvailability, type BackendDescriptor, type Estimator } from '@pi/core';
import { cpuBackends } from '@pi/cpu';
import { gpuTfBackends, probeBrowserWebGpu } from '@pi/gpu-tf/browser';
import { offThreadEstimator } from './offThread.ts';

/** Whether a backend can run in this browser, and why not or on what. */
export type DemoAvailability = BackendAvailability;

/** A backend the reader can pick: a registered descriptor, made ready for a page. */
export interface DemoBackend {
  /** Name as in `pi estimate --backend`. */
  readonly id: string;
  /** One line under the picker. */
  readonly summary: string;
  /** Whether its counts keep the reproducibility contract (equal to `loop` for the same seed and plan). */
  readonly reproducible: boolean;
  /** Checks, cheaply, whether it can run here. */
  readonly probe: () => Promise<DemoAvailability>;
  /** The estimator (loads its modules; starts its threads or device once). */
  readonly create: () => Promise<Estimator>;
}

/** The backends the packages register for browsers: the page lists these and nothing else. */
export const browserRegistry = new BackendRegistry([...cpuBackends, ...gpuTfBackends]);

/** Pools and devices made once for the page and kept warm across runs. */
const warm = new Map<string, Promise<Estimator>>();

/** The page keeps pools and devices warm across runs: a run's `dispose` must not close them. */
function keepAlive(estimator: Estimator): Estimator {
  return { name: estimator.name, reproducible: estimator.reproducible, run: (options) => estimator.run(options) };
}

function demoBackend(descriptor: BackendDescriptor): DemoBackend {
  const { id, summary, reproducible } = descriptor;
  return {
    id,
    summary,
    reproducible,
    probe: () => descriptor.probe(),
    create: async () => {
      // A backend that would occupy the page's thread runs in the demo's worker instead.
      if (descriptor.occupiesThread) return offThreadEstimator(id, reproducible);
      let made = warm.get(id);
      if (made === undefined) {
        made = descriptor.create();
        warm.set(id, made);
        made.catch(() => warm.delete(id));
      }
      return keepAlive(await made);
    },
  };
}

/** WebGPU in this browser: an adapter, or the reason there is none. */
export const probeWebGpu = probeBrowserWebGpu;

/** The demo's backends, in the order the registry lists them. */
export const demoBackends: readonly DemoBackend[] = browserRegistry
  .list()
  .filter((d) => d.hosts.includes('browser'))
  .map(demoBackend);
