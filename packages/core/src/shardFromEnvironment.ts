import { PiError, invalidArgument } from './piError.js';
import { MAX_SAMPLES } from './plan.js';
import type { Shard } from './types.js';

/** Which scheduler an environment's shard came from. */
export type ShardScheduler = 'slurm' | 'kubernetes';

/** A shard found in a scheduler's environment, and where it came from. */
export interface ScheduledShard {
  /** The shard to run. */
  readonly shard: Shard;
  /** The scheduler whose variables gave it. */
  readonly scheduler: ShardScheduler;
  /** The variables read, e.g. `SLURM_ARRAY_TASK_ID=3 in array 1-3`, for logs and messages. */
  readonly detail: string;
}

/** Options of `shardFromEnvironment`. */
export interface ShardEnvironmentOptions {
  /** The shard count the user gave (Kubernetes does not expose a Job's completions to its pods). */
  readonly count?: number | undefined;
  /** How the user gave `count`, for messages; `count` by default. */
  readonly countName?: string | undefined;
  /**
   * How a user of the caller does what messages advise, in the caller's words (a CLI names its flags):
   * give the shard count, name the shard outright, or run the whole plan.
   */
  readonly remedies?: Partial<ShardRemedies> | undefined;
}

/** What shard messages advise, in words a caller may replace with its own. */
export interface ShardRemedies {
  /** Giving the shard count. */
  readonly count: string;
  /** Naming the shard explicitly instead of reading it from the environment. */
  readonly explicitShard: string;
  /** Running the whole plan, ignoring the environment. */
  readonly wholePlan: string;
}

const DEFAULT_REMEDIES: ShardRemedies = {
  count: 'give the shard count',
  explicitShard: 'give the shard explicitly',
  wholePlan: 'run without a shard',
};

/** Environment variable that carries the shard count where the scheduler does not (Kubernetes). */
export const SHARD_COUNT_VARIABLE = 'PI_SHARD_COUNT';

function integerVariable(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw invalidArgument(name, text, 'a non-negative integer');
  return value;
}

/**
 * The shard a scheduler asked this process to run, read from its environment variables; `undefined`
 * when no scheduler's variables are set. Pure: pass `process.env` (or any record) in.
 *
 * - Slurm job arrays: `SLURM_ARRAY_TASK_ID`, with `SLURM_ARRAY_TASK_MIN`, `_STEP` and `_COUNT` (or `_MAX`).
 *   The index is (ID − MIN) / STEP, so `--array=1-8` and `--array=0-14:2` work as well as `0-7`;
 *   arrays that are not evenly spaced ranges (`--array=1,4,9`) are refused, since their tasks cannot be
 *   numbered 0…N−1 from the environment alone.
 * - Kubernetes Indexed Jobs: `JOB_COMPLETION_INDEX`. Pods are not told the Job's `completions`, so the
 *   count comes from `options.count` or the `PI_SHARD_COUNT` variable.
 *
 * Slurm is read first: it is the innermost scheduler when both sets of variables are present.
 * Malformed or inconsistent variables throw an INVALID_ARGUMENT PiError naming the variable.
 *
 * @example
 * ```ts
 * import { shardFromEnvironment } from '@pi/core';
 *
 * // In task 3 of `sbatch --array=0-7`: { scheduler: 'slurm', shard: { index: 3, count: 8 } }
 * const scheduled = shardFromEnvironment(process.env);
 * ```
 */
export function shardFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  options: ShardEnvironmentOptions = {},
): ScheduledShard | undefined {
  const remedies = { ...DEFAULT_REMEDIES, ...options.remedies };
  let given = options.count;
  let givenName = options.countName ?? 'count';
  if (given === undefined) {
    given = integerVariable(env, SHARD_COUNT_VARIABLE);
    givenName = SHARD_COUNT_VARIABLE;
  }
  if (given !== undefined && !(Number.isInteger(given) && given >= 1 && given < MAX_SAMPLES)) {
    throw invalidArgument(givenName, given, 'an integer in [1, 2^53)');
  }

  const taskId = integerVariable(env, 'SLURM_ARRAY_TASK_ID');
  if (taskId !== undefined) {
    const min = integerVariable(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const max = integerVariable(env, 'SLURM_ARRAY_TASK_MAX');
    const step = integerVariable(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
    const taskCount = integerVariable(env, 'SLURM_ARRAY_TASK_COUNT');
    const range = `${min}-${max ?? '?'}${step === 1 ? '' : `:${step}`}`;
    const detail = `SLURM_ARRAY_TASK_ID=${taskId} in array ${range}`;
    const spanCount = max === undefined || step < 1 ? undefined : (max - min) / step + 1;
    // Each variable is blamed for its own fault: a count of 0, a task outside MIN..MAX.
    if (taskCount !== undefined && taskCount < 1) {
      throw invalidArgument('SLURM_ARRAY_TASK_COUNT', taskCount, `at least 1 task (${detail})`);
    }
    if (taskId < min || (max !== undefined && taskId > max)) {
      throw invalidArgument(
        'SLURM_ARRAY_TASK_ID',
        taskId,
        `a task id in the array's range ${min}..${max ?? '?'} (SLURM_ARRAY_TASK_MIN..MAX)`,
      );
    }
    const evenlySpaced =
      step >= 1 &&
      taskId >= min &&
      (taskId - min) % step === 0 &&
      (spanCount === undefined || (Number.isInteger(spanCount) && (taskCount === undefined || taskCount === spanCount)));
    if (!evenlySpaced) {
      throw new PiError(
        'INVALID_ARGUMENT',
        `SLURM_ARRAY_TASK_ID: ${detail}${taskCount === undefined ? '' : ` of ${taskCount} tasks`} is not an evenly spaced ` +
          `range, so its tasks cannot be numbered 0…N−1; submit --array=0-N−1 or ${remedies.explicitShard} instead`,
        { option: 'SLURM_ARRAY_TASK_ID' },
      );
    }
    const schedulerCount = taskCount ?? spanCount;
    if (given !== undefined && schedulerCount !== undefined && given !== schedulerCount) {
      throw invalidArgument(givenName, given, `the array's task count ${schedulerCount} (${detail}), or leave it out`);
    }
    const count = given ?? schedulerCount;
    if (count === undefined) {
      throw new PiError(
        'INVALID_ARGUMENT',
        `SLURM_ARRAY_TASK_ID: ${detail} gives no task count (neither SLURM_ARRAY_TASK_COUNT nor _MAX is set); ` +
          `${remedies.count} or set ${SHARD_COUNT_VARIABLE}`,
        { option: 'SLURM_ARRAY_TASK_ID' },
      );
    }
    return { shard: checkIndex('SLURM_ARRAY_TASK_ID', (taskId - min) / step, count, detail), scheduler: 'slurm', detail };
  }

  const completionIndex = integerVariable(env, 'JOB_COMPLETION_INDEX');
  if (completionIndex !== undefined) {
    const detail = `JOB_COMPLETION_INDEX=${completionIndex}`;
    if (given === undefined) {
      throw new PiError(
        'INVALID_ARGUMENT',
        `JOB_COMPLETION_INDEX: ${detail} is set but not the shard count; ${remedies.count} or set ${SHARD_COUNT_VARIABLE} ` +
          `to the Job's completions (or ${remedies.wholePlan})`,
        { option: 'JOB_COMPLETION_INDEX' },
      );
    }
    return { shard: checkIndex('JOB_COMPLETION_INDEX', completionIndex, given, detail), scheduler: 'kubernetes', detail };
  }
  return undefined;
}

function checkIndex(variable: string, index: number, count: number, detail: string): Shard {
  if (index >= count) {
    throw new PiError(
      'INVALID_ARGUMENT',
      `${variable}: ${detail} gives shard index ${index}, not below the shard count ${count}; expected 0 ≤ index < count`,
      { option: variable },
    );
  }
  return { index, count };
}
