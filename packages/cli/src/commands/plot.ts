import { GENERATORS, parseCount, type GeneratorName } from '@pi/core';
import type { Command } from '../command.js';
import { SCHEMA_VERSION } from '../format.js';
import { flag, stringOption } from '../_parseArgs.js';
import { parseEstimateOptions } from './estimate.js';

export const command: Command = {
  name: 'plot',
  summary: "Plot an estimate's convergence: π̂ against samples on a log axis, its 95% band, and π.",
  usage: 'plot [--samples N] [--seed S] [--generator NAME] --out FILE.svg|FILE.png',
  options: {
    samples: { type: 'string', short: 'n', valueName: 'N', description: 'Points in the last estimate of the curve', defaultText: '10M' },
    seed: { type: 'string', short: 's', valueName: 'S', description: 'Seed, an integer in [0, 2^53)', defaultText: '0' },
    generator: { type: 'string', valueName: 'name', description: 'Random generator', choices: GENERATORS, defaultText: 'xoshiro128p' },
    out: { type: 'string', short: 'o', valueName: 'file', description: 'Chart file: .svg, or .png rendered from it', defaultText: 'convergence.svg' },
    json: { type: 'boolean', description: 'Also print the curve as JSON' },
  },
  examples: ['pi plot --samples 1e8 --seed 1 --out convergence.svg', 'pi plot --samples 10M --out convergence.png --json'],
  async run(args, io) {
    const { seed = 0, generator = 'xoshiro128p' } = parseEstimateOptions({ ...args.values, samples: undefined });
    const samples = parseCount('--samples', stringOption(args, 'samples') ?? '10M');
    const out = stringOption(args, 'out') ?? 'convergence.svg';
    const [{ convergence, convergenceChart, doublingCheckpoints }, { writeChart, chartFormat }] = await Promise.all([
      import('../plot/convergence.js'),
      import('../plot/renderChart.js'),
    ]);
    chartFormat('--out', out);
    const points = convergence(generator as GeneratorName, seed, doublingCheckpoints(samples));
    await writeChart(convergenceChart(points, `Convergence of π̂ (${generator}, seed ${seed})`), out);
    if (flag(args, 'json')) io.stdout(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, generator, seed, file: out, points })}\n`);
    else {
      const last = points[points.length - 1]!;
      io.stdout(`wrote ${out}: ${points.length} estimates from 16 to ${samples.toLocaleString('en-US')} samples; last π̂ = ${last.pi} ± ${(last.upper - last.pi).toExponential(2)}\n`);
    }
    return 0;
  },
};
