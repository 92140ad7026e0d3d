/**
 * @pi/core: the reproducibility contract (generators, stream plans, the inside rule), statistics, the
 * result type, errors, option validation and the Estimator interface. No I/O, no dependencies.
 */
export type * from './types.js';
export { PiError, isPiError, invalidArgument, describeValue, type PiErrorCode } from './piError.js';
export { splitmix64, splitmix64Mix } from './splitmix64.js';
export {
  xoshiro128p,
  xoshiro128pFromState,
  xoshiro128pSeedState,
  xoshiro128pJumpState,
  XOSHIRO128P_JUMP,
} from './xoshiro128p.js';
export {
  numbaXoroshiro128p,
  numbaXoroshiro128pFromState,
  numbaSeedState,
  numbaJumpState,
  NUMBA_JUMP,
  type NumbaGenerator,
} from './numbaXoroshiro128p.js';
export { seedState, jumpState, streamState, streamStates, StreamCursor } from './streams.js';
export {
  describeOptionValues,
  type BackendAvailability,
  type BackendDescriptor,
  type BackendHost,
  type BackendOption,
  type BackendOptionsGiven,
  type BackendOptionValues,
} from './backendDescriptor.js';
export { BackendRegistry } from './backendRegistry.js';
export {
  STREAM_MATRIX_POWERS,
  STREAM_MATRIX_WORDS,
  streamMatrices,
  transitionPower,
  advanceState,
  streamPointState,
  randomStream,
  type RandomStream,
} from './randomStream.js';
export {
  BLOCK_SIZE,
  MAX_SAMPLES,
  checkCount,
  samplesPlan,
  groupsPlan,
  planSamples,
  streamCount,
  streamPoints,
  rangePoints,
  describePlan,
  checkShard,
  shardStreams,
} from './plan.js';
export { insideXoshiro, insideNumba, XOSHIRO_INSIDE_LIMIT } from './insideRule.js';
export {
  Z_95,
  binomialInterval,
  binomialStandardError,
  groupInterval,
  groupStandardError,
  confidenceInterval,
  t975,
  samplesForPrecision,
} from './statistics.js';
export {
  median,
  summarizeTimes,
  speedup,
  timeColdWarm,
  type ColdWarmOptions,
  type TimedCall,
  type TimingSummary,
} from './benchStatistics.js';
export { convergencePoint, type ConvergencePoint } from './convergence.js';
export { makeResult, type RunCounts } from './result.js';
export { resumePointFrom } from './resumePoint.js';
export {
  ESTIMATE_OPTION_KEYS,
  GENERATORS,
  checkGenerator,
  checkOptionKeys,
  checkSeed,
  resolveEstimateOptions,
} from './estimateOptions.js';
export { parseCount, parseGroups, COUNT_FORMS } from './parseCount.js';
export {
  shardFromEnvironment,
  SHARD_COUNT_VARIABLE,
  type ScheduledShard,
  type ShardScheduler,
  type ShardEnvironmentOptions,
  type ShardRemedies,
} from './shardFromEnvironment.js';
export {
  mergeShardResults,
  resultChecksum,
  runIdentity,
  type CountedFields,
  type MergeShardOptions,
  type RunKey,
} from './mergeShardResults.js';
