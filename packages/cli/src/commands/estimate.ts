import { availableParallelism } from 'node:os';
import { PiError, invalidArgument, rangePoints, resolveEstimateOptions, shardStreams, type PiResult } from '@pi/core';
import { defineCommand, type OptionSpecs, type ParsedArgs } from '../command.js';
import { formatResult, resultJson } from '../format.js';
import {
  backendOption,
  backendOptionSpecs,
  backendOptionsFor,
  generatorOption,
  groupsOption,
  jsonOption,
  planOptions,
  precisionOption,
  quietOption,
  samplesOption,
  seedOption,
} from '../options.js';
import { createProgressBar } from '../progressBar.js';
import { DEFAULT_BACKEND, registry } from '../registry.js';
import { createStyle } from '../_style.js';
import { resolveShardOption, resultFilePath } from '../shardOption.js';
import { CHECKPOINT_EVERY_DEFAULT, Checkpointer, parseDuration, readResumePoint } from '../ops/checkpoint.js';
import { BYTES_PER_WORKER, checkMemoryBudget, memoryBudget, memoryBudgetOption, planBytes } from '../ops/memoryBudget.js';
import { checkOutputTarget, writeOutputs, type OutputWrite } from '../ops/outputFile.js';
import { stoppedExitCode } from '../ops/signals.js';

/**
 * Options that need the reproducibility contract: a backend that draws unseeded numbers (naive's
 * Math.random, tfjs tensors) has no seed or generator to set and nothing to resume; given to one, they
 * are refused rather than ignored.
 */
const CONTRACT_OPTIONS = ['seed', 'generator', 'checkpoint', 'checkpoint-every', 'resume'] as const;

function refuseContractOptions(values: Readonly<Record<string, unknown>>, backend: string): void {
  const descriptor = registry.find(backend);
  if (descriptor === undefined || descriptor.reproducible) return;
  const applies = registry
    .ids()
    .filter((id) => registry.find(id)!.reproducible)
    .join(', ');
  for (const option of CONTRACT_OPTIONS) {
    if (values[option] !== undefined) {
      throw new PiError(
        'INVALID_ARGUMENT',
        `--${option}: applies to --backend ${applies} only, not ${backend} (it draws unseeded numbers)`,
        {
          option: `--${option}`,
        },
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
    lines.push(
      csv ? `${first + i},${counts[i]},${estimates[i]}\n` : `{"group":${first + i},"inside":${counts[i]},"estimate":${estimates[i]}}\n`,
    );
    if (lines.length === 4096) yield lines.splice(0).join('');
  }
  yield lines.join('');
}

export const command = defineCommand({
  name: 'estimate',
  summary: 'Estimate π by Monte Carlo on one backend, with its standard error and 95% interval.',
  usage: 'estimate [--backend NAME] [--samples N | --groups NxI | --precision P] [--seed S] [options]',
  options: {
    backend: backendOption(registry, DEFAULT_BACKEND),
    ...backendOptionSpecs(registry),
    samples: samplesOption,
    groups: groupsOption,
    precision: precisionOption,
    seed: seedOption,
    generator: generatorOption,
    json: jsonOption,
    shard: {
      type: 'string',
      valueName: 'K/N',
      description: "Run shard K of N (contiguous streams), a partial for pi merge; 'off' ignores the scheduler",
      defaultText: 'SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX when set',
    },
    shards: { type: 'string', valueName: 'N', description: 'Shard count of a Kubernetes Indexed Job (or PI_SHARD_COUNT)' },
    out: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      description: 'Also write the JSON result to FILE ({index} and {count} name the shard)',
    },
    checkpoint: {
      type: 'string',
      valueName: 'FILE',
      description: 'Write the partial result to FILE at an interval and on every stop ({index}, {count} as for --out)',
    },
    'checkpoint-every': {
      type: 'string',
      valueName: 'T',
      description: 'Time between checkpoints: 30s, 5m, 1h',
      defaultText: CHECKPOINT_EVERY_DEFAULT,
      parse: (text: string, option: string) => parseDuration(option, text),
    },
    resume: {
      type: 'string',
      valueName: 'FILE',
      description: 'Continue the run saved in FILE, bit for bit; a missing FILE that is also --checkpoint starts afresh',
    },
    'groups-out': {
      type: 'string',
      valueName: 'FILE',
      description: 'Write every group of a groups plan to FILE: CSV for *.csv, else JSON lines',
    },
    'memory-budget': memoryBudgetOption,
    quiet: { ...quietOption, description: 'No progress bar' },
  },
  examples: [
    'pi estimate --samples 1e8 --seed 1',
    'pi estimate --generator numba --groups 500x64 --seed 1234 --json',
    'pi estimate --precision 1e-4',
    'pi estimate --backend naive --samples 5M',
    'pi estimate --backend workers --threads 2 --samples 1e10',
    'pi estimate --backend webgpu --generator numba --groups 50000x50000',
    'pi estimate --backend tfjs --tf-backend cpu --samples 1e7',
    'pi estimate --samples 1e10 --shard 2/8 --out parts/shard-{index}.json',
    'pi estimate --samples 1e12 --checkpoint ck.json --resume ck.json   # rerun the same line after a stop',
  ],
  async run(args, io) {
    const { values } = args;
    const backend = values.backend ?? DEFAULT_BACKEND;
    const descriptor = registry.find(backend)!; // --backend is checked against the registry's ids
    const backendOptions = backendOptionsFor(registry, backend, args as ParsedArgs<OptionSpecs>);
    refuseContractOptions(values, backend);
    if (values.generator !== undefined && !descriptor.generators.includes(values.generator)) {
      throw invalidArgument(
        '--generator',
        values.generator,
        `one that --backend ${backend} draws with: ${descriptor.generators.join(', ')}`,
      );
    }
    const scheduled = resolveShardOption(values, io.env);
    const resolved = resolveEstimateOptions({
      ...planOptions(values),
      seed: values.seed ?? 0,
      ...(values.generator === undefined ? {} : { generator: values.generator }),
      ...(scheduled === undefined ? {} : { shard: scheduled.shard }),
    });
    // Everything that could fail is checked before any work: memory, every output target, the resume file.
    const range = shardStreams(resolved.plan, resolved.shard);
    // Worker threads cost memory too (never more of them than streams: the pool caps them at its tasks).
    const threads = typeof backendOptions['threads'] === 'number' ? backendOptions['threads'] : undefined;
    const workers = backend === 'workers' ? Math.min(threads ?? availableParallelism(), Math.max(1, range.streams)) : 0;
    const [option, value, smaller] =
      threads !== undefined && workers * BYTES_PER_WORKER > planBytes(resolved.plan, range.streams)
        ? ['--threads', String(threads), 'use fewer threads']
        : resolved.plan.kind === 'groups'
          ? ['--groups', `${resolved.plan.pointsPerGroup}x${resolved.plan.groups}`, 'shard it with --shard K/N']
          : ['--samples', String(resolved.plan.samples), 'shard it with --shard K/N'];
    checkMemoryBudget(
      option,
      value,
      planBytes(resolved.plan, range.streams, workers),
      memoryBudget(values['memory-budget'], io.env),
      smaller,
    );
    const target = (name: 'out' | 'groups-out') => {
      const text = values[name];
      if (text === undefined) return undefined;
      const path = resultFilePath(text, resolved.shard, `--${name}`);
      checkOutputTarget(`--${name}`, path);
      return path;
    };
    const outPath = target('out');
    const groupsOut = target('groups-out');
    if (groupsOut !== undefined && resolved.plan.kind !== 'groups') {
      throw invalidArgument('--groups-out', groupsOut, 'a file for a groups plan (--groups NxI)');
    }
    const checkpointPath = values.checkpoint === undefined ? undefined : resultFilePath(values.checkpoint, resolved.shard, '--checkpoint');
    if (values['checkpoint-every'] !== undefined && checkpointPath === undefined) {
      throw invalidArgument('--checkpoint-every', values['checkpoint-every'], 'a --checkpoint FILE to write at that interval');
    }
    const everyMs = values['checkpoint-every'] ?? parseDuration('--checkpoint-every', CHECKPOINT_EVERY_DEFAULT);
    const resumePath = values.resume === undefined ? undefined : resultFilePath(values.resume, resolved.shard, '--resume');
    const resume = resumePath === undefined ? undefined : readResumePoint(resumePath, resolved, checkpointPath);
    const options = { ...resolved, ...(resume === undefined ? {} : { resume }) };
    const checkpointer =
      checkpointPath === undefined
        ? undefined
        : new Checkpointer(checkpointPath, everyMs, { options, backend }, (m) => io.stderr(`pi estimate: warning: ${m}\n`));

    const estimator = await descriptor.create(backendOptions);
    const json = values.json === true;
    const progress = createProgressBar(io, backend, { quiet: values.quiet === true || json });
    let result: PiResult;
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
    if (resume !== undefined && resume.streams > 0) {
      // Says in the result that it continued a saved run, and from how far.
      const resumedSamples = rangePoints(resolved.plan, range.firstStream, resume.streams);
      result = { ...result, details: { ...result.details, resumedSamples } };
    }
    const code = result.status === 'aborted' ? stoppedExitCode(io.signal) : 0;
    if (json) io.stdout(`${JSON.stringify(resultJson(result, { for: 'print' }))}\n`);
    else io.stdout(formatResult(result, createStyle(io.color), io.columns));
    const file = () => `${JSON.stringify(resultJson(result))}\n`;
    const writes: OutputWrite[] = [];
    if (checkpointer !== undefined) writes.push({ option: '--checkpoint', path: checkpointer.path, data: file });
    if (outPath !== undefined) writes.push({ option: '--out', path: outPath, data: file });
    if (groupsOut !== undefined) writes.push({ option: '--groups-out', path: groupsOut, data: () => groupLines(result, groupsOut) });
    return writeOutputs(io, 'estimate', writes, code);
  },
});
