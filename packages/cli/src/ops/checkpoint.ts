import { readFileSync, statSync } from 'node:fs';
import {
  invalidArgument,
  makeResult,
  resumePointFrom,
  shardStreams,
  type Progress,
  type ResolvedEstimateOptions,
  type ResumePoint,
} from '@pi/core';
import { resultJson } from '../format.js';
import { checkOutputTarget, writeOutputFile } from './outputFile.js';

/** Default time between two checkpoints. */
export const CHECKPOINT_EVERY_DEFAULT = '30s';

const DURATION_FORMS = 'a duration from 100ms to 24h, e.g. 30s, 5m, 1h, 500ms (a bare number is seconds)';
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** Parses `--checkpoint-every`: `30s`, `5m`, `1h`, `500ms`, or seconds. */
export function parseDuration(option: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
  const ms = match === null ? Number.NaN : Number(match[1]) * UNIT_MS[match[2] ?? 's']!;
  if (!(ms >= 100 && ms <= 86_400_000)) throw invalidArgument(option, text, DURATION_FORMS);
  return ms;
}

/**
 * Reads `--resume FILE`: the resume point of this run, checked against its generator, seed, plan and shard.
 * Undefined when FILE is the run's own `--checkpoint` and does not exist yet, so one command line serves
 * the first start and every restart (a Slurm requeue, a rescheduled pod).
 */
export function readResumePoint(
  path: string,
  options: ResolvedEstimateOptions,
  checkpointPath: string | undefined,
): ResumePoint | undefined {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw Object.assign(new Error('it is not a regular file'), { code: 'not a regular file' });
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && path === checkpointPath) return undefined;
    throw invalidArgument('--resume', path, `a result or checkpoint file written by pi estimate (${code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidArgument('--resume', path, `the JSON of a pi estimate result or checkpoint (${(error as Error).message})`);
  }
  return resumePointFrom(`--resume ${path}`, value, options);
}

/** What a checkpoint file records about the run it belongs to. */
export interface CheckpointRun {
  readonly options: ResolvedEstimateOptions;
  readonly backend: string;
}

/**
 * Writes a run's partial result to `--checkpoint FILE` atomically, at most every `everyMs` (from the run's
 * progress reports), and its last result when it ends, completed or stopped. Even a SIGKILL then loses at
 * most one interval: `--resume FILE` continues from the last checkpoint, bit for bit.
 */
export class Checkpointer {
  private last = performance.now();
  private readonly earlierSeconds: number;

  private warned = false;

  constructor(
    readonly path: string,
    private readonly everyMs: number,
    private readonly run: CheckpointRun,
    /** Told, once, when a checkpoint cannot be written; the run goes on (its end writes again). */
    private readonly warn: (message: string) => void,
  ) {
    checkOutputTarget('--checkpoint', path);
    this.earlierSeconds = run.options.resume?.seconds ?? 0;
  }

  /** Called with each progress report; writes when an interval has passed. */
  progress(progress: Progress): void {
    const now = performance.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    const { options, backend } = this.run;
    const { plan, generator, seed, shard } = options;
    const partial = makeResult({
      plan,
      generator,
      seed,
      backend,
      reproducible: true,
      inside: progress.inside,
      samples: progress.samplesDone,
      seconds: this.earlierSeconds + progress.elapsedSeconds,
      status: progress.samplesDone === progress.samplesTotal ? 'completed' : 'aborted',
      ...(progress.groupCounts === undefined ? {} : { groupCounts: progress.groupCounts }),
      ...(shard === undefined ? {} : { shard: { ...shard, ...shardStreams(plan, shard) } }),
      details: { checkpoint: true },
    });
    try {
      writeOutputFile('--checkpoint', this.path, `${JSON.stringify(resultJson(partial))}\n`);
    } catch (error) {
      if (!this.warned) this.warn(`${(error as Error).message.replace('; the result above was not saved', '')}; the run goes on`);
      this.warned = true;
    }
  }
}
