import { BLOCK_SIZE, type PiResult, type ResolvedEstimateOptions } from '@pi/core';
import { RunTally } from '@pi/core/internal';
import type * as TfCore from '@tensorflow/tfjs-core';

/**
 * Points per chunk: 32 blocks, so a partial result always holds whole blocks; 4 tensors of 8 MiB at most.
 *
 * @internal
 */
export const TENSOR_CHUNK = 32 * BLOCK_SIZE;

/**
 * What the tensors method is told about where it runs.
 *
 * @internal
 */
export interface TensorsRunContext {
  /** Backend name in results, e.g. `tfjs-webgpu`. */
  readonly backendName: string;
  /** Facts for the result's details (adapter name, software or not). */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
  /** Points per chunk (TENSOR_CHUNK by default; a multiple of BLOCK_SIZE keeps partial results whole). */
  readonly chunk?: number;
}

/**
 * The seed's vectorized method with TensorFlow.js: draw x and y with `tf.randomUniform`, square, add,
 * compare, sum, chunk by chunk so memory stays bounded for any sample count (1e11 is 47,684 chunks, never
 * 1.6 TB). Every chunk runs in `tf.tidy` and its count is read before the next, so no tensor outlives a
 * chunk. `tf.randomUniform` is not seeded here and draws on the CPU for every backend: not reproducible,
 * and it says so (`generator: "tf.randomUniform"`, `seed: null`). Groups plans count group by group.
 *
 * @internal
 */
export async function runTensors(tf: typeof TfCore, options: ResolvedEstimateOptions, context: TensorsRunContext): Promise<PiResult> {
  const { plan, signal } = options;
  const chunk = context.chunk ?? TENSOR_CHUNK;
  const tally = new RunTally(options);
  const { firstStream, streams, samplesTotal } = tally;
  const groups = plan.kind === 'groups';

  const countChunk = async (points: number): Promise<number> => {
    const count = tf.tidy(() => {
      const x = tf.randomUniform([points], 0, 1, 'float32');
      const y = tf.randomUniform([points], 0, 1, 'float32');
      return tf.sum(tf.cast(tf.lessEqual(tf.add(tf.square(x), tf.square(y)), 1), 'int32'));
    });
    try {
      return (await count.data())[0]!;
    } finally {
      count.dispose();
    }
  };

  // A unit is a group (groups plans) or the shard's whole point range (samples plans). Units are counted
  // off, never listed: a plan of 1e9 groups holds no 1e9-entry array.
  const units = plan.kind === 'groups' ? streams : 1;
  const unitInside = [0];
  outer: for (let unit = 0; unit < units; unit++) {
    const unitPoints = plan.kind === 'groups' ? plan.pointsPerGroup : samplesTotal;
    unitInside[0] = 0;
    for (let left = unitPoints; left > 0; ) {
      if (signal?.aborted === true) {
        tally.aborted = true;
        break outer;
      }
      const n = Math.min(left, chunk);
      const c = await countChunk(n);
      left -= n;
      if (groups) unitInside[0] += c;
      else tally.addPoints(c, n);
      // The cpu backend computes synchronously inside data(): without a pause the event loop (signals,
      // timers) would never run until the whole plan is done.
      if (tally.pauseDue()) await tally.pause();
      else tally.reportIfDue();
    }
    if (groups) tally.addStreams(firstStream + unit, unitInside);
    if (tally.pauseDue()) await tally.pause();
  }
  return tally.result({
    backend: context.backendName,
    reproducible: false,
    source: { generator: 'tf.randomUniform', seed: null },
    details: { method: 'tensors', tfBackend: tf.getBackend(), ...context.details },
  });
}
