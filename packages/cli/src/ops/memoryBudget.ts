import { invalidArgument, type Plan } from '@pi/core';

/** The memory a command may use unless told otherwise: 1.5 GiB. */
export const DEFAULT_MEMORY_BUDGET = 1.5 * 2 ** 30;

/** What a run holds whatever its plan: Node, the modules, one backend's buffers. */
export const BASE_BYTES = 160 * 2 ** 20;

/**
 * What each group of a groups plan costs while it runs and is reported: its count and estimate as
 * doubles, the result's arrays and the file text. `--groups 1x10000000 --backend simd` peaked near 49 bytes
 * a group; 64 leaves headroom.
 */
export const BYTES_PER_GROUP = 64;

const BYTE_FORMS = 'a size such as 1.5G, 800M or 2GiB (powers of 1024), at least 256M';
const UNIT: Record<string, number> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** Parses a size in bytes: `1.5G`, `800M`, `2GiB`, `1073741824`. */
export function parseBytes(option: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(text);
  const bytes = match === null ? Number.NaN : Number(match[1]) * UNIT[match[2]!.toUpperCase()]!;
  if (!(bytes >= 256 * 2 ** 20) || !Number.isFinite(bytes)) throw invalidArgument(option, text, BYTE_FORMS);
  return Math.floor(bytes);
}

/** The budget: `--memory-budget`, else PI_MEMORY_BUDGET, else 1.5 GiB. */
export function memoryBudget(optionText: string | undefined, env: Readonly<Record<string, string | undefined>>): number {
  if (optionText !== undefined) return parseBytes('--memory-budget', optionText);
  const fromEnv = env['PI_MEMORY_BUDGET'];
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_MEMORY_BUDGET : parseBytes('PI_MEMORY_BUDGET', fromEnv);
}

/** A size for people: `1.5 GiB`, `620 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(3))} ${units[i]}`;
}

/**
 * What each worker thread costs: its own V8 heap and the SIMD module. `pi estimate -b workers -n 1e9`
 * peaked at 139 MiB with 8 threads and 405 MiB with 32 here: 11 MiB a thread; 12 is the figure used.
 */
export const BYTES_PER_WORKER = 12 * 2 ** 20;

/** Bytes a run of `plan` needs over `streams` streams (its shard's when sharded) with `workers` threads. */
export function planBytes(plan: Plan, streams: number, workers = 0): number {
  return BASE_BYTES + (plan.kind === 'groups' ? streams * BYTES_PER_GROUP : 0) + workers * BYTES_PER_WORKER;
}

/**
 * Refuses, before any work, a plan that would need more memory than the budget: an INVALID_ARGUMENT
 * (exit 2) with what it would need, the limit, and the ways out.
 */
export function checkMemoryBudget(option: string, value: string, needed: number, budget: number, smaller: string): void {
  if (needed <= budget) return;
  throw invalidArgument(
    option,
    value,
    `a plan that fits the memory budget of ${formatBytes(budget)}; this one needs about ${formatBytes(needed)} ` +
      `(${smaller}, or raise the budget with --memory-budget or PI_MEMORY_BUDGET)`,
  );
}

/** `--memory-budget SIZE`, shared by the commands that hold plan-sized data. */
export const memoryBudgetOption = {
  type: 'string',
  valueName: 'SIZE',
  description: 'Refuse plans that need more memory (e.g. 4G), or PI_MEMORY_BUDGET',
  defaultText: '1.5G',
} as const;
