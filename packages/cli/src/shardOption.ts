import { PiError, invalidArgument, parseCount, shardFromEnvironment, type ScheduledShard, type Shard } from '@pi/core';

const SHARD_FORMS = 'K/N with 0 ≤ K < N (e.g. 2/8), or "off"';

/** What shard messages from @pi/core advise, as `pi estimate` flags. */
const SHARD_REMEDIES = { count: 'pass --shards N', explicitShard: 'pass --shard K/N', wholePlan: '--shard off to run the whole plan' };

/**
 * The shard `pi estimate` runs: `--shard K/N` when given; `--shard off` for none; otherwise the
 * scheduler's (a Slurm array task, or a Kubernetes Indexed Job with `--shards N` or PI_SHARD_COUNT),
 * read by @pi/core's `shardFromEnvironment`. Undefined outside any scheduler.
 */
export function resolveShardOption(
  values: { readonly shard?: unknown; readonly shards?: unknown },
  env: Readonly<Record<string, string | undefined>>,
): ScheduledShard | { readonly shard: Shard; readonly scheduler: 'option'; readonly detail: string } | undefined {
  const shardText = typeof values['shard'] === 'string' ? values['shard'] : undefined;
  const shardsText = typeof values['shards'] === 'string' ? values['shards'] : undefined;
  const shards = shardsText === undefined ? undefined : parseCount('--shards', shardsText, 'an integer in [1, 2^53), e.g. 8');
  if (shardText?.trim() === 'off') {
    if (shards !== undefined) throw invalidArgument('--shards', shardsText, 'no --shards with --shard off');
    return undefined;
  }
  if (shardText !== undefined) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(shardText);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (match === null || !Number.isSafeInteger(count) || count < 1 || !(index < count)) {
      throw invalidArgument('--shard', shardText, SHARD_FORMS);
    }
    if (shards !== undefined && shards !== count) {
      throw invalidArgument('--shards', shardsText, `the N of --shard ${shardText} (${count}), or leave it out`);
    }
    return { shard: { index, count }, scheduler: 'option', detail: `--shard ${index}/${count}` };
  }
  const scheduled = shardFromEnvironment(env, { count: shards, countName: '--shards', remedies: SHARD_REMEDIES });
  if (scheduled === undefined && shards !== undefined) {
    throw new PiError(
      'INVALID_ARGUMENT',
      `--shards: ${shards} shards, but which one is this? Pass --shard K/N, or run in a Kubernetes Indexed Job ` +
        `(JOB_COMPLETION_INDEX) or a Slurm array (SLURM_ARRAY_TASK_ID)`,
      { option: '--shards' },
    );
  }
  return scheduled;
}

/** `--out` with `{index}` and `{count}` replaced by the shard's, so one template names every shard's file. */
export function resultFilePath(template: string, shard: Shard | undefined, option = '--out'): string {
  if (shard === undefined && /\{(index|count)\}/.test(template)) {
    throw invalidArgument(option, template, 'a path without {index} or {count} when the run is not sharded');
  }
  return shard === undefined ? template : template.replaceAll('{index}', String(shard.index)).replaceAll('{count}', String(shard.count));
}
