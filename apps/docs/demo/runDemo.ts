import {
  convergencePoint,
  makeResult,
  resolveEstimateOptions,
  shardStreams,
  streamCount,
  type ConvergencePoint,
  type Estimator,
  type GeneratorName,
  type PiResult,
} from '@pi/core';

/** What the reader asked for. */
export interface DemoRequest {
  /** Points to draw. */
  readonly samples: number;
  /** Seed, an integer in [0, 2^53). */
  readonly seed: number;
  /** Generator of the contract. */
  readonly generator: GeneratorName;
}

/** One point of the convergence chart: the estimate after the first `samples` points (@pi/core's, as `pi plot` draws). */
export type { ConvergencePoint };

/** What the page hears while a run goes on. */
export interface DemoProgress {
  readonly samplesDone: number;
  readonly samplesTotal: number;
  readonly inside: number;
  readonly elapsedSeconds: number;
}

/** Hooks and limits of one demo run. */
export interface DemoRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DemoProgress) => void;
  /** Called after each chunk with the convergence so far. */
  readonly onPoint?: (point: ConvergencePoint) => void;
  /** Most chunks a run is cut into (each one a point of the chart); 48 unless given. */
  readonly maxChunks?: number;
}

/** The result of a demo run: the backend's result for the whole plan, and the chart's points. */
export interface DemoRun {
  readonly result: PiResult;
  readonly points: readonly ConvergencePoint[];
}

/**
 * Runs a plan on an estimator as consecutive shards of its streams. The reproducibility contract says
 * shards cover every stream once and their counts add up bit for bit, so the sum is the whole plan's
 * count on every backend that keeps the contract, while each shard gives the page a point of the
 * convergence chart, a moment to repaint and a place to stop. An abort keeps the complete shards.
 */
export async function runDemo(estimator: Estimator, request: DemoRequest, options: DemoRunOptions = {}): Promise<DemoRun> {
  const resolved = resolveEstimateOptions({ samples: request.samples, seed: request.seed, generator: request.generator });
  const { plan } = resolved;
  const chunks = Math.max(1, Math.min(options.maxChunks ?? 48, streamCount(plan)));
  const points: ConvergencePoint[] = [];
  const started = performance.now();
  let inside = 0;
  let samples = 0;
  let aborted = options.signal?.aborted === true;
  let lastDetails: PiResult['details'];
  let source: Pick<PiResult, 'generator' | 'seed'> = { generator: request.generator, seed: request.seed };
  for (let index = 0; index < chunks && !aborted; index++) {
    const range = shardStreams(plan, { index, count: chunks });
    if (range.streams === 0) continue;
    const part = await estimator.run({
      ...resolved,
      shard: { index, count: chunks },
      signal: options.signal,
      onProgress: (p) =>
        options.onProgress?.({
          samplesDone: samples + p.samplesDone,
          samplesTotal: request.samples,
          inside: inside + p.inside,
          elapsedSeconds: (performance.now() - started) / 1000,
        }),
    });
    lastDetails = part.details;
    source = { generator: part.generator, seed: part.seed };
    if (part.status === 'aborted') aborted = true;
    // An aborted shard's partial count is of complete streams, but not a prefix the next shard would
    // extend; keep only whole shards so the chart's points stay prefixes of the plan.
    if (part.status !== 'completed') break;
    inside += part.inside;
    samples += part.samples;
    const point = convergencePoint(inside, samples);
    points.push(point);
    options.onPoint?.(point);
    options.onProgress?.({
      samplesDone: samples,
      samplesTotal: request.samples,
      inside,
      elapsedSeconds: (performance.now() - started) / 1000,
    });
    if (options.signal?.aborted === true) aborted = true;
  }
  const result = makeResult({
    plan,
    generator: source.generator,
    seed: source.seed,
    backend: estimator.name,
    reproducible: estimator.reproducible,
    inside,
    samples,
    seconds: (performance.now() - started) / 1000,
    status: aborted && samples < request.samples ? 'aborted' : 'completed',
    ...(lastDetails === undefined ? {} : { details: lastDetails }),
  });
  return { result, points };
}
