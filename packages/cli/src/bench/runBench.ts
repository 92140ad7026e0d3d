import os from 'node:os';
import { isPiError, median, resolveEstimateOptions, speedup, timeColdWarm, type BackendOptionsGiven, type EstimateOptions } from '@pi/core';
import { registry } from '../registry.js';
import { SCHEMA_VERSION } from '../format.js';
import { findNumbaPython, runPeer, type PeerLine } from './peer.js';
import type { BenchExperiment, BenchReport, BenchRow, PeerFigure } from './types.js';

/** What a case measured, or why it could not run. */
export type CaseOutcome =
  | { readonly available: false; readonly note: string }
  | {
      readonly available: true;
      readonly samples: number;
      readonly coldSeconds: number;
      readonly warmSeconds: readonly number[];
      readonly pi?: number;
      readonly reproducible?: boolean;
      readonly note?: string;
    };

/** Sizes of one bench run. */
export interface BenchSizes {
  /** Experiment 1: the seed's calculate_pi. */
  readonly piSamples: number;
  /** Experiment 2: DataFrame rows × columns. */
  readonly dataFrame: readonly [number, number];
  /** Experiment 3: evaluate_pi_st/mt N × I. */
  readonly groups: readonly [number, number];
  /** Experiment 4: compute_pi_on_gpu N × I on a hardware adapter… */
  readonly gpu: readonly [number, number];
  /** …and on a software adapter (a CPU pretending), where the full size would take minutes. */
  readonly gpuSoftware: readonly [number, number];
}

/** The seed's sizes, and small ones for CI. */
export const SIZES: Record<'full' | 'quick', BenchSizes> = {
  full: { piSamples: 5_000_000, dataFrame: [10_000, 25], groups: [50_000, 10_000], gpu: [50_000, 50_000], gpuSoftware: [10_000, 200] },
  quick: { piSamples: 1_000_000, dataFrame: [1_000, 25], groups: [50_000, 200], gpu: [10_000, 100], gpuSoftware: [1_000, 100] },
};

/** Context a case runs in. */
export interface CaseContext {
  readonly sizes: BenchSizes;
  readonly runs: number;
  readonly signal: AbortSignal;
}

/** One row of an experiment, before it runs. */
export interface BenchCase {
  readonly id: string;
  readonly label: string;
  readonly baseline?: boolean;
  /** The numba peer's case paired with this row. */
  readonly peerCase?: string;
  run(context: CaseContext): Promise<CaseOutcome>;
}

/** An experiment, before it runs. */
export interface ExperimentDefinition {
  readonly id: number;
  readonly title: string;
  readonly seedCell: string;
  size(sizes: BenchSizes): string;
  cases(sizes: BenchSizes): readonly BenchCase[];
}

/**
 * Warm calls go on past `runs` until they have taken this long (at most MAX_WARM_RUNS): a median of three
 * 3 ms calls is at the mercy of one garbage collection, a median of eighty is not.
 */
const WARM_BUDGET_SECONDS = 0.3;
const MAX_WARM_RUNS = 100;

/** A job's outcome, as `timeJob` takes it. */
interface JobOutcome {
  readonly samples: number;
  readonly pi?: number;
  readonly reproducible?: boolean;
  readonly note?: string;
  /** The part of the call to time, when not all of it (the wall clock around it otherwise). */
  readonly seconds?: number;
}

/**
 * Times any job once cold and `runs` times warm (more for fast jobs; exactly `exactRuns` when given),
 * with @pi/core's one cold/warm loop. The job returns the samples it drew and, where it estimates π, its estimate.
 */
export async function timeJob(job: () => Promise<JobOutcome | undefined>, context: CaseContext, exactRuns?: number): Promise<CaseOutcome> {
  const { cold, warm } = await timeColdWarm(job, {
    ...(exactRuns === undefined
      ? { runs: context.runs, minWarmSeconds: WARM_BUDGET_SECONDS, maxRuns: MAX_WARM_RUNS }
      : { runs: exactRuns }),
    signal: context.signal,
    seconds: (outcome) => outcome?.seconds,
    // An interrupted call (undefined) ends the loop uncounted.
    stopped: (outcome) => outcome === undefined,
  });
  const last = warm.at(-1)?.value;
  if (cold.value === undefined || last === undefined) return { available: false, note: 'interrupted' };
  return {
    available: true,
    samples: last.samples,
    coldSeconds: cold.seconds,
    warmSeconds: warm.map((w) => w.seconds),
    ...(last.pi === undefined ? {} : { pi: last.pi }),
    ...(last.reproducible === undefined ? {} : { reproducible: last.reproducible }),
    ...(last.note === undefined ? {} : { note: last.note }),
  };
}

/** Runs a registered backend once cold and `runs` times warm on the same options. */
export async function timeEstimator(
  backend: string,
  options: EstimateOptions,
  context: CaseContext,
  backendOptions: BackendOptionsGiven = {},
): Promise<CaseOutcome> {
  const descriptor = registry.find(backend);
  if (descriptor === undefined) return { available: false, note: `backend ${backend} is not part of this build` };
  let estimator;
  try {
    estimator = await descriptor.create(backendOptions);
  } catch (error) {
    if (isPiError(error) && error.code === 'BACKEND_UNAVAILABLE') return { available: false, note: error.message };
    throw error;
  }
  try {
    const resolved = { ...resolveEstimateOptions(options), signal: context.signal };
    return await timeJob(async () => {
      const result = await estimator.run(resolved);
      if (result.status === 'aborted') return undefined;
      const adapter = result.details?.['adapter'];
      return {
        samples: result.samples,
        seconds: result.seconds,
        pi: result.pi,
        reproducible: result.reproducible,
        ...(typeof adapter === 'string' ? { note: adapter } : {}),
      };
    }, context);
  } catch (error) {
    if (isPiError(error) && error.code === 'BACKEND_UNAVAILABLE') return { available: false, note: error.message };
    throw error;
  } finally {
    await estimator.dispose?.();
  }
}

/** The row's outcome, or "interrupted" as soon as `signal` aborts (the row's work is not waited for). */
function untilAborted(row: Promise<CaseOutcome>, signal: AbortSignal): Promise<CaseOutcome> {
  if (signal.aborted) return Promise.resolve({ available: false, note: 'interrupted' });
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve({ available: false, note: 'interrupted' });
    signal.addEventListener('abort', onAbort, { once: true });
    row.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Runs the experiments, then the numba peer, and pairs them row by row. */
export async function runBench(
  experiments: readonly ExperimentDefinition[],
  options: {
    quick: boolean;
    runs: number;
    peer: boolean;
    signal: AbortSignal;
    env: Readonly<Record<string, string | undefined>>;
    onCase?: (experiment: ExperimentDefinition, row: BenchCase, index: number, total: number) => void;
  },
): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const sizes = SIZES[options.quick ? 'quick' : 'full'];
  const context: CaseContext = { sizes, runs: options.runs, signal: options.signal };
  const total = experiments.reduce((n, e) => n + e.cases(sizes).length, 0);
  let index = 0;
  const measured: { experiment: ExperimentDefinition; rows: { def: BenchCase; outcome: CaseOutcome }[] }[] = [];
  for (const experiment of experiments) {
    if (options.signal.aborted) break;
    const rows: { def: BenchCase; outcome: CaseOutcome }[] = [];
    for (const def of experiment.cases(sizes)) {
      if (options.signal.aborted) break;
      options.onCase?.(experiment, def, index++, total);
      let outcome: CaseOutcome;
      try {
        // A row whose job cannot be stopped midway is left behind at a stop: the report is printed
        // within 200 ms, and the process exits once it is written.
        outcome = await untilAborted(def.run(context), options.signal);
      } catch (error) {
        // A row whose package is not installed (an optional peer) says how to add it; anything else failed.
        const unavailable = isPiError(error) && error.code === 'BACKEND_UNAVAILABLE';
        outcome = { available: false, note: unavailable ? error.message : `failed: ${(error as Error).message ?? String(error)}` };
      }
      rows.push({ def, outcome });
    }
    measured.push({ experiment, rows });
  }

  let peerLines = new Map<string, PeerLine>();
  let peerInfo = { name: 'numba' as const, available: false, detail: 'not requested (--peer none)' };
  if (options.peer && !options.signal.aborted) {
    const found = await findNumbaPython(options.env, options.signal);
    peerInfo = { name: 'numba', available: found.python !== undefined, detail: found.detail };
    const cases = measured.flatMap((m) => m.rows.map((r) => r.def.peerCase)).filter((c): c is string => c !== undefined);
    if (found.python !== undefined && cases.length > 0) {
      options.onCase?.(
        { id: 0, title: 'numba peer', seedCell: '', size: () => '', cases: () => [] },
        { id: 'numba', label: 'numba peer', run: async () => ({ available: false, note: '' }) },
        index,
        total,
      );
      try {
        peerLines = await runPeer(
          found.python,
          [...new Set(cases)],
          { runs: options.runs, piSamples: sizes.piSamples, df: sizes.dataFrame, groups: sizes.groups, gpu: sizes.gpu },
          options.signal,
        );
      } catch (error) {
        peerInfo = {
          ...peerInfo,
          available: false,
          detail: `${found.detail}, but the peer failed: ${(error as Error).message.split('\n')[0]}`,
        };
      }
    }
  }

  const experimentsOut: BenchExperiment[] = measured.map(({ experiment, rows }) => {
    const baseline = rows.find((r) => r.def.baseline && r.outcome.available);
    const baselineWarm = baseline?.outcome.available ? median(baseline.outcome.warmSeconds) : undefined;
    return {
      id: experiment.id,
      title: experiment.title,
      seedCell: experiment.seedCell,
      size: experiment.size(sizes),
      rows: rows.map(({ def, outcome }): BenchRow => {
        const peer = def.peerCase === undefined ? undefined : peerFigure(def.peerCase, peerLines, peerInfo, outcome);
        if (!outcome.available) {
          return { id: def.id, label: def.label, samples: 0, available: false, note: outcome.note, ...(peer ? { peer } : {}) };
        }
        const warm = median(outcome.warmSeconds);
        return {
          id: def.id,
          label: def.label,
          samples: outcome.samples,
          available: true,
          ...(outcome.note === undefined ? {} : { note: outcome.note }),
          coldSeconds: outcome.coldSeconds,
          warmSeconds: warm,
          warmRuns: outcome.warmSeconds.length,
          samplesPerSecond: outcome.samples / warm,
          ...(outcome.pi === undefined ? {} : { pi: outcome.pi, error: outcome.pi - Math.PI }),
          ...(outcome.reproducible === undefined ? {} : { reproducible: outcome.reproducible }),
          ...(def.baseline ? { baseline: true } : {}),
          ...(baselineWarm === undefined ? {} : { speedupVsBaseline: speedup(baselineWarm, warm) }),
          ...(peer ? { peer } : {}),
        };
      }),
    };
  });

  const cpus = os.cpus();
  return {
    schemaVersion: SCHEMA_VERSION,
    command: `pi bench${options.quick ? ' --quick' : ''}${options.runs !== 3 ? ` --runs ${options.runs}` : ''}${options.peer ? '' : ' --peer none'}`,
    quick: options.quick,
    runs: options.runs,
    startedAt,
    machine: {
      node: process.version,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      platform: `${process.platform} ${process.arch}`,
      memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    },
    peer: peerInfo,
    status: options.signal.aborted ? 'aborted' : 'completed',
    experiments: experimentsOut,
  };
}

function peerFigure(
  name: string,
  lines: Map<string, PeerLine>,
  info: { available: boolean; detail: string },
  ours: CaseOutcome,
): PeerFigure {
  const line = lines.get(name);
  if (line === undefined || line.unavailable !== undefined || line.warmSeconds === undefined) {
    return { case: name, available: false, note: line?.unavailable ?? (info.available ? 'not run' : info.detail) };
  }
  return {
    case: name,
    available: true,
    ...(line.device === undefined ? {} : { note: line.device }),
    ...(line.coldSeconds === undefined ? {} : { coldSeconds: line.coldSeconds }),
    warmSeconds: line.warmSeconds,
    ...(ours.available ? { speedupVsPeer: speedup(line.warmSeconds, median(ours.warmSeconds)) } : {}),
  };
}
