import { defineCommand } from '../command.js';
import { SCHEMA_VERSION } from '../format.js';
import { generatorOption, jsonOption, samplesOption, seedOption } from '../options.js';

export const command = defineCommand({
  name: 'plot',
  summary: "Plot an estimate's convergence: π̂ against samples on a log axis, its 95% band, and π.",
  usage: 'plot [--samples N] [--seed S] [--generator NAME] --out FILE.svg|FILE.png',
  options: {
    samples: { ...samplesOption, description: 'Points in the last estimate of the curve', defaultText: '10M' },
    seed: seedOption,
    generator: generatorOption,
    out: { type: 'string', short: 'o', valueName: 'file', description: 'Chart file: .svg, or .png rendered from it', defaultText: 'convergence.svg' },
    json: { ...jsonOption, description: 'Also print the curve as JSON' },
  },
  examples: ['pi plot --samples 1e8 --seed 1 --out convergence.svg', 'pi plot --samples 10M --out convergence.png --json'],
  async run(args, io) {
    const { seed = 0, generator = 'xoshiro128p', samples = 10_000_000, out = 'convergence.svg' } = args.values;
    const [{ convergence, convergenceChart, doublingCheckpoints, flatPoint }, { writeChart, chartFormat }] = await Promise.all([
      import('../plot/convergence.js'),
      import('../plot/renderChart.js'),
    ]);
    chartFormat('--out', out);
    const points = convergence(generator, seed, doublingCheckpoints(samples));
    await writeChart(convergenceChart(points, `Convergence of π̂ (${generator}, seed ${seed})`), out);
    if (args.values.json === true) io.stdout(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, generator, seed, file: out, points: points.map(flatPoint) })}\n`);
    else {
      const last = points[points.length - 1]!;
      io.stdout(`wrote ${out}: ${points.length} estimates from 16 to ${samples.toLocaleString('en-US')} samples; last π̂ = ${last.pi} ± ${(last.ci.upper - last.pi).toExponential(2)}\n`);
    }
    return 0;
  },
});
