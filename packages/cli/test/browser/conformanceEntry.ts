// Bundled for the browser by conformance.browser.test.ts and run in headless Chromium: the conformance
// table over every backend the packages register for browsers (@pi/cpu's, and @pi/gpu-tf/browser's).
import { BackendRegistry } from '@pi/core';
import { cpuBackends, loop } from '@pi/cpu';
import { gpuTfBackends } from '@pi/gpu-tf/browser';
import { checkVariant, variants } from '../conformance.js';

/** Runs the suite on the page; the test reads what it returns. */
export async function check() {
  const registry = new BackendRegistry([...cpuBackends, ...gpuTfBackends]);
  const out = [];
  for (const descriptor of registry.list().filter((d) => d.hosts.includes('browser'))) {
    const probe = await descriptor.probe();
    for (const variant of variants(descriptor)) {
      const { unavailable, reports } = await checkVariant(descriptor, variant, loop);
      out.push({ backend: descriptor.id, variant: variant.label, probe, unavailable, reports });
    }
  }
  return out;
}

(globalThis as { check?: typeof check }).check = check;
