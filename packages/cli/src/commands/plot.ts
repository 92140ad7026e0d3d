import { defineCommand } from '../command.js';
import { SCHEMA_VERSION } from '../format.js';
import { generatorOption, jsonOption, samplesOption, seedOption } from '../options.js';
import { checkOutputTarget, writeOutputs } from '../ops/outputFile.js';
import { stoppedExitCode } from '../ops/signals.js';
import { createProgressBar } from '../progressBar.js';

export const command = defineCommand({
  name: 'plot',
  summary: "Plot an estimate's convergence: π̂ against samples on a log axis, its 95% band, and π.",
  usage: 'plot [--samples N] [--seed S] [--generator NAME] --out FILE.svg|FILE.png',
  options: {
    samples: { ...samplesOption, description: 'Points in the last estimate of the curve', defaultText: '10M' },
    seed: seedOption,
    generator: generatorOption,
    out: {
      type: 'string',
      short: 'o',
      valueName: 'file',
      description: 'Chart file: .svg, or .png rendered from it',
      defaultText: 'convergence.svg',
    },
    json: { ...jsonOption, description: 'Also print the curve as JSON' },
  },
  examples: ['pi plot --samples 1e8 --seed 1 --out convergence.svg', 'pi plot --samples 10M --out convergence.png --json'],
  async run(args, io) {
    const { seed = 0, generator = 'xoshiro128p', samples = 10_000_000, out = 'convergence.svg' } = args.values;
    const [{ convergence, convergenceChart, doublingCheckpoints, flatPoint }, { renderChart, chartFormat }] = await Promise.all([
      import('../plot/convergence.js'),
      import('../plot/renderChart.js'),
    ]);
    checkOutputTarget('--out', out);
    chartFormat('--out', out);
    const json = args.values.json === true;
    const progress = createProgressBar(io, 'plot', { quiet: json });
    const { points, aborted } = await convergence(generator, seed, doublingCheckpoints(samples), {
      signal: io.signal,
      onProgress: (p) => progress.update(p),
    }).finally(() => progress.done());
    const code = aborted ? stoppedExitCode(io.signal) : 0;
    if (points.length === 0) {
      io.stdout(`stopped before the first estimate of the curve; ${out} was not written\n`);
      return code;
    }
    const status = aborted ? 'aborted' : 'completed';
    if (json)
      io.stdout(
        `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, generator, seed, file: out, status, points: points.map(flatPoint) })}\n`,
      );
    else {
      const last = points[points.length - 1]!;
      io.stdout(
        `${aborted ? 'stopped: ' : ''}${out}: ${points.length} estimates from ${points[0]!.samples.toLocaleString('en-US')} to ` +
          `${last.samples.toLocaleString('en-US')} samples; last π̂ = ${last.pi} ± ${(last.ci.upper - last.pi).toExponential(2)}\n`,
      );
    }
    const chart = await renderChart(convergenceChart(points, `Convergence of π̂ (${generator}, seed ${seed})`), out);
    return writeOutputs(io, 'plot', [{ option: '--out', path: out, data: () => chart }], code);
  },
});
