import {
  GENERATORS,
  PiError,
  checkSeed,
  invalidArgument,
  parseCount,
  parseGroups,
  resolveEstimateOptions,
  shardStreams,
  type EstimateOptions,
  type PiResult,
} from '@pi/core';
import { backendNames, backends, type BackendOptions } from '../backends.js';
import type { Command, ParsedArgs } from '../command.js';
import { formatResult, resultJson } from '../format.js';
import { flag, integerOption, stringOption } from '../_parseArgs.js';
import { createProgressBar } from '../progressBar.js';
import { createStyle } from '../_style.js';
import { resolveShardOption, resultFilePath } from '../shardOption.js';
import { CHECKPOINT_EVERY_DEFAULT, Checkpointer, parseDuration, readResumePoint } from '../ops/checkpoint.js';
import { checkMemoryBudget, memoryBudget, planBytes } from '../ops/memoryBudget.js';
import { checkOutputTarget, writeOutputs, type OutputWrite } from '../ops/outputFile.js';
import { stoppedExitCode } from '../ops/signals.js';

/** Exit code of a run stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

/** Options that only some backends use; given to another, they are refused rather than ignored. */
const APPLIES_TO: Readonly<Record<string, readonly string[]>> = {
  threads: ['workers'],
  'tf-backend': ['tfjs'],
  seed: ['loop', 'simd', 'workers', 'webgpu'],
  generator: ['loop', 'simd', 'workers', 'webgpu'],
  checkpoint: ['loop', 'simd', 'workers', 'webgpu'],
  'checkpoint-every': ['loop', 'simd', 'workers', 'webgpu'],
  resume: ['loop', 'simd', 'workers', 'webgpu'],
};

/** Refuses an option given to a backend that does not use it: exit 2 naming the option and its backends. */
function refuseOptionsThatDoNotApply(args: ParsedArgs, backend: string): void {
  for (const [option, backends] of Object.entries(APPLIES_TO)) {
    if (args.values[option] !== undefined && !backends.includes(backend)) {
      throw new PiError(
        'INVALID_ARGUMENT',
        `--${option}: does not apply to --backend ${backend}; it applies to ${backends.map((b) => `--backend ${b}`).join(', ')}`,
        { option: `--${option}` },
      );
    }
  }
}

/** A groups plan's groups, one line each: CSV for *.csv, NDJSON otherwise. */
function* groupLines(result: PiResult, path: string): Generator<string> {
  const counts = result.groupCounts ?? [];
  const estimates = result.groupEstimates ?? [];
  const first = result.shard?.firstStream ?? 0;
  const csv = path.toLowerCase().endsWith('.csv');
  if (csv) yield 'group,inside,estimate\n';
  const lines: string[] = [];
  for (let i = 0; i < counts.length; i++) {
    lines.push(csv ? `${first + i},${counts[i]},${estimates[i]}\n` : `{"group":${first + i},"inside":${counts[i]},"estimate":${estimates[i]}}\n`);
    if (lines.length === 4096) yield lines.splice(0).join('');
  }
  yield lines.join('');
}

export const command: Command = {
  name: 'estimate',
  summary: 'Estimate π by Monte Carlo on one backend, with its standard error and 95% interval.',
  usage: 'estimate [--backend NAME] [--threads N] [--samples N | --groups NxI | --precision P] [--seed S] [--shard K/N] [--json] [--out FILE]',
  options: {
    backend: {
      type: 'string',
      short: 'b',
      valueName: 'name',
      description: 'Where to run',
      choices: backendNames(),
      defaultText: 'loop',
    },
    samples: {
      type: 'string',
      short: 'n',
      valueName: 'N',
      description: 'Points to draw: 1000000, 5e9, 5_000_000, 5M, 2.5G',
      defaultText: '1M',
    },
    groups: {
      type: 'string',
      short: 'g',
      valueName: 'NxI',
      description: "The seed's N × I: I groups of N points, group i on stream i (e.g. 50000x10000)",
    },
    precision: { type: 'string', short: 'p', valueName: 'P', description: 'Target half-width of the 95% interval; picks the samples' },
    seed: { type: 'string', short: 's', valueName: 'S', description: 'Seed, an integer in [0, 2^53)', defaultText: '0' },
    generator: { type: 'string', valueName: 'name', description: 'Random generator', choices: GENERATORS, defaultText: 'xoshiro128p' },
    threads: { type: 'string', short: 't', valueName: 'N', description: 'Worker threads for --backend workers, 1 to 1024', defaultText: 'every core' },
    'tf-backend': {
      type: 'string',
      valueName: 'name',
      description: 'tfjs backend for --backend tfjs',
      choices: ['webgpu', 'tensorflow', 'cpu'],
      defaultText: 'webgpu',
    },
    json: { type: 'boolean', description: 'Print one JSON object (with schemaVersion) instead of a table' },
    shard: {
      type: 'string',
      valueName: 'K/N',
      description: "Run only shard K of N (contiguous streams) and emit a partial for `pi merge`; 'off' ignores the scheduler",
      defaultText: 'from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX when set',
    },
    shards: { type: 'string', valueName: 'N', description: 'Shard count for a Kubernetes Indexed Job (its completions); or PI_SHARD_COUNT' },
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'Also write the JSON result to FILE ({index} and {count} name the shard)' },
    checkpoint: {
      type: 'string',
      valueName: 'FILE',
      description: 'Write the partial result to FILE at an interval and on every stop ({index} and {count} name the shard)',
    },
    'checkpoint-every': { type: 'string', valueName: 'T', description: 'Time between checkpoints: 30s, 5m, 1h', defaultText: CHECKPOINT_EVERY_DEFAULT },
    resume: {
      type: 'string',
      valueName: 'FILE',
      description: 'Continue the run saved in FILE (a checkpoint or --out file), bit for bit; a missing FILE that is also --checkpoint starts afresh',
    },
    'groups-out': { type: 'string', valueName: 'FILE', description: 'Write every group of a groups plan to FILE: CSV for *.csv, else one JSON line each' },
    'memory-budget': { type: 'string', valueName: 'SIZE', description: 'Refuse plans that need more memory (e.g. 4G); or PI_MEMORY_BUDGET', defaultText: '1.5G' },
    quiet: { type: 'boolean', short: 'q', description: 'No progress bar' },
  },
  examples: [
    'pi estimate --samples 1e8 --seed 1',
    'pi estimate --backend loop --generator numba --groups 500x64 --seed 1234 --json',
    'pi estimate --precision 1e-4',
    'pi estimate --backend naive --samples 5M',
    'pi estimate --backend workers --threads 2 --samples 1e10',
    'pi estimate --backend webgpu --generator numba --groups 50000x50000',
    'pi estimate --backend tfjs --tf-backend cpu --samples 1e7',
    'pi estimate --samples 1e10 --seed 1 --shard 2/8 --out parts/shard-{index}.json   # then: pi merge parts/',
  ],
  async run(args, io) {
    const backendName = stringOption(args, 'backend') ?? 'loop';
    refuseOptionsThatDoNotApply(args, backendName);
    const tfBackend = stringOption(args, 'tf-backend') as BackendOptions['tfBackend']; // checked against its choices
    const backendOptions: BackendOptions = { ...parseThreadsOption(args), ...(tfBackend === undefined ? {} : { tfBackend }) };
    const entry = backends[backendName]!;
    const scheduled = resolveShardOption(args.values, io.env);
    const resolved = resolveEstimateOptions({
      ...parseEstimateOptions(args.values),
      ...(scheduled === undefined ? {} : { shard: scheduled.shard }),
    });
    // Everything that could fail is checked before any work: memory, every output target, the resume file.
    const range = shardStreams(resolved.plan, resolved.shard);
    checkMemoryBudget(
      resolved.plan.kind === 'groups' ? '--groups' : '--samples',
      stringOption(args, 'groups') ?? stringOption(args, 'samples') ?? '',
      planBytes(resolved.plan, range.streams),
      memoryBudget(stringOption(args, 'memory-budget'), io.env),
    );
    const fileOption = (name: string) => {
      const text = stringOption(args, name);
      if (text === undefined) return undefined;
      const path = resultFilePath(text, resolved.shard, `--${name}`);
      checkOutputTarget(`--${name}`, path);
      return path;
    };
    const outPath = fileOption('out');
    const groupsOut = fileOption('groups-out');
    if (groupsOut !== undefined && resolved.plan.kind !== 'groups') {
      throw invalidArgument('--groups-out', groupsOut, 'a file for a groups plan (--groups NxI)');
    }
    const checkpointText = stringOption(args, 'checkpoint');
    const checkpointPath = checkpointText === undefined ? undefined : resultFilePath(checkpointText, resolved.shard, '--checkpoint');
    const everyText = stringOption(args, 'checkpoint-every');
    if (everyText !== undefined && checkpointPath === undefined) {
      throw invalidArgument('--checkpoint-every', everyText, 'a --checkpoint FILE to write at that interval');
    }
    const everyMs = parseDuration('--checkpoint-every', everyText ?? CHECKPOINT_EVERY_DEFAULT);
    const resumeText = stringOption(args, 'resume');
    const resumePath = resumeText === undefined ? undefined : resultFilePath(resumeText, resolved.shard, '--resume');
    const resume = resumePath === undefined ? undefined : readResumePoint(resumePath, resolved, checkpointPath);
    const options = { ...resolved, ...(resume === undefined ? {} : { resume }) };
    const checkpointer =
      checkpointPath === undefined ? undefined : new Checkpointer(checkpointPath, everyMs, { options, backend: backendName }, (m) => io.stderr(`pi estimate: warning: ${m}\n`));

    const estimator = await entry.load(backendOptions);
    const progress = createProgressBar(io, backendName, { quiet: flag(args, 'quiet') || flag(args, 'json') });
    let result;
    try {
      result = await estimator.run({
        ...options,
        signal: io.signal,
        onProgress: (p) => {
          progress.update(p);
          checkpointer?.progress(p);
        },
      });
    } finally {
      progress.done();
      await estimator.dispose?.();
    }
    const code = result.status === 'aborted' ? stoppedExitCode(io.signal) : 0;
    if (flag(args, 'json')) io.stdout(`${JSON.stringify(resultJson(result, { for: 'print' }))}\n`);
    else io.stdout(formatResult(result, createStyle(io.color)));
    const file = () => `${JSON.stringify(resultJson(result))}\n`;
    const writes: OutputWrite[] = [];
    if (checkpointer !== undefined) writes.push({ option: '--checkpoint', path: checkpointer.path, data: file });
    if (outPath !== undefined) writes.push({ option: '--out', path: outPath, data: file });
    if (groupsOut !== undefined) writes.push({ option: '--groups-out', path: groupsOut, data: () => groupLines(result, groupsOut) });
    return writeOutputs(io, 'estimate', writes, code);
  },
};

/** Turns `--threads N` into the workers backend's option: an integer in [1, 1024]. */
export function parseThreadsOption(args: ParsedArgs): BackendOptions {
  return args.values['threads'] === undefined ? {} : { threads: integerOption(args, 'threads', 1, 1, 1024) };
}

/** Turns `--samples`, `--groups`, `--precision`, `--seed`, `--generator` into validated library options. */
export function parseEstimateOptions(values: Readonly<Record<string, string | boolean | undefined>>): EstimateOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const given = ['samples', 'groups', 'precision'].filter((k) => text(k) !== undefined);
  if (given.length > 1) {
    throw new PiError('INVALID_ARGUMENT', `--${given.join(' and --')}: give only one of --samples, --groups or --precision`, {
      option: `--${given[0]}`,
    });
  }
  const samples = text('samples');
  const groups = text('groups');
  const precision = text('precision');
  const seedText = text('seed');
  let seed = 0;
  if (seedText !== undefined) {
    if (!/^\d+$/.test(seedText.trim())) throw invalidArgument('--seed', seedText, 'an integer in [0, 2^53)');
    try {
      seed = checkSeed(Number(seedText));
    } catch {
      throw invalidArgument('--seed', seedText, 'an integer in [0, 2^53)');
    }
  }
  let precisionValue: number | undefined;
  if (precision !== undefined) {
    precisionValue = Number(precision);
    if (!(precisionValue > 0) || !Number.isFinite(precisionValue) || precisionValue < 3.4e-8) {
      throw invalidArgument('--precision', precision, 'a number in [3.4e-8, ∞), e.g. 1e-4');
    }
  }
  const generator = text('generator');
  return {
    ...(samples !== undefined ? { samples: parseCount('--samples', samples) } : {}),
    ...(groups !== undefined ? { groups: parseGroups('--groups', groups) } : {}),
    ...(precisionValue !== undefined ? { precision: precisionValue } : {}),
    ...(generator !== undefined ? { generator: generator as EstimateOptions['generator'] & string } : {}),
    seed,
  };
}
