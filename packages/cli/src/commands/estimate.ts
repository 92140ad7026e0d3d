import { invalidArgument, resolveEstimateOptions } from '@pi/core';
import { defineCommand, type OptionSpecs, type ParsedArgs } from '../command.js';
import { formatResult, resultJson } from '../format.js';
import {
  EXIT_INTERRUPTED,
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
import { resolveShardOption, resultFilePath, writeResultFile } from '../shardOption.js';

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
  ],
  async run(args, io) {
    const { values } = args;
    const backend = values.backend ?? DEFAULT_BACKEND;
    const descriptor = registry.find(backend)!; // --backend is checked against the registry's ids
    const backendOptions = backendOptionsFor(registry, backend, args as ParsedArgs<OptionSpecs>);
    if (values.generator !== undefined && !descriptor.generators.includes(values.generator)) {
      throw invalidArgument('--generator', values.generator, `one that --backend ${backend} draws with: ${descriptor.generators.join(', ')}`);
    }
    const scheduled = resolveShardOption(values, io.env);
    const resolved = resolveEstimateOptions({
      ...planOptions(values),
      seed: values.seed ?? 0,
      ...(values.generator === undefined ? {} : { generator: values.generator }),
      ...(scheduled === undefined ? {} : { shard: scheduled.shard }),
    });
    const outPath = values.out === undefined ? undefined : resultFilePath(values.out, resolved.shard);
    const estimator = await descriptor.create(backendOptions);
    const json = values.json === true;
    const progress = createProgressBar(io, backend, { quiet: values.quiet === true || json });
    let result;
    try {
      result = await estimator.run({ ...resolved, signal: io.signal, onProgress: (p) => progress.update(p) });
    } finally {
      progress.done();
      await estimator.dispose?.();
    }
    if (outPath !== undefined) await writeResultFile(outPath, `${JSON.stringify(resultJson(result))}\n`);
    if (json) io.stdout(`${JSON.stringify(resultJson(result))}\n`);
    else io.stdout(formatResult(result, createStyle(io.color), io.columns));
    return result.status === 'aborted' ? EXIT_INTERRUPTED : 0;
  },
});
