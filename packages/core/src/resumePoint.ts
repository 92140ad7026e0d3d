import { checkPartial, runKeyText } from './mergeShardResults.js';
import { PiError } from './piError.js';
import { describePlan } from './plan.js';
import type { ResolvedEstimateOptions, ResumePoint, Shard } from './types.js';

function describeShard(shard: Shard | undefined): string {
  return shard === undefined ? 'not sharded' : `shard ${shard.index}/${shard.count}`;
}

/**
 * Reads a checkpoint (or any result file `pi estimate` wrote) as the point to resume a run from. The file
 * is untrusted: its checksum, its counts against its streams, and that it belongs to this very run
 * (generator, seed, plan and shard) are all checked, and anything else is an INVALID_ARGUMENT naming
 * `label`. Because a result counts a prefix of its streams, the resumed run's count equals the
 * uninterrupted run's bit for bit.
 */
export function resumePointFrom(label: string, value: unknown, options: ResolvedEstimateOptions): ResumePoint {
  const partial = checkPartial(label, value, 'resume');
  const fileShard = (value as { shard?: Shard }).shard === undefined ? undefined : partial.shard;
  const ours = { generator: options.generator, seed: options.seed, plan: options.plan };
  const sameShard =
    fileShard === undefined
      ? options.shard === undefined
      : options.shard !== undefined && options.shard.index === fileShard.index && options.shard.count === fileShard.count;
  if (runKeyText(partial) !== runKeyText(ours) || !sameShard) {
    const theirs = `${partial.generator}${partial.seed === null ? '' : ` seed ${partial.seed}`}, ${describePlan(partial.plan)}, ${describeShard(fileShard)}`;
    const mine = `${ours.generator} seed ${ours.seed}, ${describePlan(ours.plan)}, ${describeShard(options.shard)}`;
    throw new PiError('INVALID_ARGUMENT', `${label}: belongs to another run (${theirs}) than this one (${mine})`, { option: label });
  }
  if (!partial.reproducible) {
    throw new PiError(
      'INVALID_ARGUMENT',
      `${label}: was counted by ${partial.backend}, which is not reproducible; only reproducible results can be resumed`,
      {
        option: label,
      },
    );
  }
  return {
    streams: partial.streamsDone,
    inside: partial.inside,
    ...(partial.groupCounts === undefined ? {} : { groupCounts: partial.groupCounts }),
    seconds: partial.seconds,
  };
}
