import {
  GENERATORS,
  PiError,
  checkSeed,
  invalidArgument,
  parseCount,
  parseGroups,
  resolveEstimateOptions,
  type EstimateOptions,
} from '@pi/core';
import { backendNames, backends, type BackendOptions } from '../backends.js';
import type { Command, ParsedArgs } from '../command.js';
import { formatResult, resultJson } from '../format.js';
import { flag, integerOption, stringOption } from '../_parseArgs.js';
import { createProgressBar } from '../progressBar.js';
import { createStyle } from '../_style.js';
import { resolveShardOption, resultFilePath, writeResultFile } from '../shardOption.js';

/** Exit code of a run stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

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
    const tfBackend = stringOption(args, 'tf-backend') as BackendOptions['tfBackend']; // checked against its choices
    const options: EstimateOptions & BackendOptions = {
      ...parseEstimateOptions(args.values),
      ...parseThreadsOption(args),
      ...(tfBackend === undefined ? {} : { tfBackend }),
    };
    const backendName = stringOption(args, 'backend') ?? 'loop';
    const entry = backends[backendName]!;
    const scheduled = resolveShardOption(args.values, io.env);
    const resolved = resolveEstimateOptions({ ...options, ...(scheduled === undefined ? {} : { shard: scheduled.shard }) });
    const out = stringOption(args, 'out');
    const outPath = out === undefined ? undefined : resultFilePath(out, resolved.shard);
    const estimator = await entry.load(options);
    const progress = createProgressBar(io, backendName, { quiet: flag(args, 'quiet') || flag(args, 'json') });
    let result;
    try {
      result = await estimator.run({ ...resolved, signal: io.signal, onProgress: (p) => progress.update(p) });
    } finally {
      progress.done();
      await estimator.dispose?.();
    }
    if (outPath !== undefined) await writeResultFile(outPath, `${JSON.stringify(resultJson(result))}\n`);
    if (flag(args, 'json')) io.stdout(`${JSON.stringify(resultJson(result))}\n`);
    else io.stdout(formatResult(result, createStyle(io.color)));
    return result.status === 'aborted' ? EXIT_INTERRUPTED : 0;
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
