/**
 * Cold and warm timings, defined once for every benchmark of the project (`pi bench`, the packages'
 * bench scripts). Cold is the first call (JIT warm-up, worker start, WebAssembly and shader compile);
 * warm are the calls after it; "warm" figures are their median.
 */

/** The median: the middle value, or the mean of the two middle values of an even count. NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What a set of warm timings says. */
export interface TimingSummary {
  /** The first call, in seconds. */
  readonly coldSeconds: number;
  /** Median of the warm calls, in seconds. */
  readonly warmSeconds: number;
  /** Number of warm calls. */
  readonly warmRuns: number;
  /** Fastest and slowest warm call, in seconds. */
  readonly warmMinSeconds: number;
  readonly warmMaxSeconds: number;
  /** (slowest − fastest) / median of the warm calls: how much to trust the median on a busy machine. */
  readonly spread: number;
}

/** Summarizes a cold time and the warm times after it. */
export function summarizeTimes(coldSeconds: number, warmSeconds: readonly number[]): TimingSummary {
  const warm = median(warmSeconds);
  const min = Math.min(...warmSeconds);
  const max = Math.max(...warmSeconds);
  return {
    coldSeconds,
    warmSeconds: warm,
    warmRuns: warmSeconds.length,
    warmMinSeconds: min,
    warmMaxSeconds: max,
    spread: (max - min) / warm,
  };
}

/** How many times faster `seconds` is than `baselineSeconds` (warm medians, measured in one run). */
export function speedup(baselineSeconds: number, seconds: number): number {
  return baselineSeconds / seconds;
}

/** How long and how often to call. */
export interface ColdWarmOptions {
  /** Warm calls at least. */
  readonly runs: number;
  /** Go on past `runs` until the warm calls add up to this many seconds (0 by default)… */
  readonly minWarmSeconds?: number;
  /** …but make no more than this many warm calls (`runs` by default). */
  readonly maxRuns?: number;
  /** Stops before the next call. */
  readonly signal?: AbortSignal;
}

/** One timed call: what it returned and how long it took. */
export interface TimedCall<Value> {
  readonly value: Value;
  readonly seconds: number;
}

/**
 * The cold/warm loop: calls `call` once (cold), then again while warm calls are due. A call's time is
 * what `seconds` says of its value (a result that times itself), else the wall clock around it. A call
 * whose value `stopped` says was interrupted ends the loop and is not counted.
 */
export async function timeColdWarm<Value>(
  call: () => Value | Promise<Value>,
  options: ColdWarmOptions & {
    readonly seconds?: (value: Value) => number | undefined;
    readonly stopped?: (value: Value) => boolean;
  },
): Promise<{ readonly cold: TimedCall<Value>; readonly warm: TimedCall<Value>[] }> {
  const timed = async (): Promise<TimedCall<Value>> => {
    const started = performance.now();
    const value = await call();
    return { value, seconds: options.seconds?.(value) ?? (performance.now() - started) / 1000 };
  };
  const maxRuns = Math.max(options.runs, options.maxRuns ?? options.runs);
  const cold = await timed();
  const warm: TimedCall<Value>[] = [];
  if (options.stopped?.(cold.value) === true) return { cold, warm };
  let total = 0;
  while (
    options.signal?.aborted !== true &&
    warm.length < maxRuns &&
    (warm.length < options.runs || total < (options.minWarmSeconds ?? 0))
  ) {
    const next = await timed();
    if (options.stopped?.(next.value) === true) break;
    warm.push(next);
    total += next.seconds;
  }
  return { cold, warm };
}
