import { BackendRegistry } from '@pi/core';
import { cpuBackends } from '@pi/cpu';
import { gpuTfBackends } from '@pi/gpu-tf';

/**
 * The backends `pi` knows: the descriptors @pi/cpu and @pi/gpu-tf export, in that order. `estimate`,
 * `info`, `bench`, option checks and the conformance suite read this; nothing else lists backends.
 */
export const registry = new BackendRegistry([...cpuBackends, ...gpuTfBackends]);

/** The backend `pi estimate` runs when none is named. */
export const DEFAULT_BACKEND = 'loop';
