import { invalidArgument } from '@pi/core';
import { defineCommand } from '../command.js';
import { createStyle } from '../_style.js';
import { checkOutputTarget, writeOutputs, type OutputWrite } from '../ops/outputFile.js';
import { stoppedExitCode } from '../ops/signals.js';
import { createStatusLine } from '../progressBar.js';
import { integerParser, jsonOption, quietOption } from '../options.js';

export const command = defineCommand({
  name: 'bench',
  summary: "The seed's timing cells on this machine: every way of doing each job, cold and warm, side by side with numba.",
  usage: 'bench [--quick] [--runs N] [--only 1,3] [--peer numba|none] [options]',
  options: {
    quick: { type: 'boolean', description: 'Small sizes (for CI and a first look): seconds instead of minutes' },
    runs: {
      type: 'string',
      valueName: 'N',
      description: 'Warm calls per row, after the cold one',
      defaultText: '3',
      parse: integerParser(1, 100),
    },
    only: { type: 'string', valueName: 'list', description: 'Experiments to run, e.g. 1,3' },
    peer: {
      type: 'string',
      valueName: 'name',
      choices: ['numba', 'none'],
      description: "Run the numba peer (the seed's code) beside ours",
      defaultText: 'numba when python3 has it',
    },
    json: { ...jsonOption, description: 'Print the report as one JSON object' },
    markdown: { type: 'string', valueName: 'file', description: 'Also write the report as Markdown (BENCHMARKS.md)' },
    plot: { type: 'string', valueName: 'file', description: 'Also write a bar chart of samples/s, .svg or .png' },
    quiet: quietOption,
  },
  examples: [
    'pi bench',
    'pi bench --quick',
    'pi bench --only 3 --runs 5',
    'pi bench --markdown BENCHMARKS.md --plot bench.svg',
    'pi bench --peer none --json',
  ],
  async run(args, io) {
    const { quick = false, runs = 3, plot: plotFile, markdown: markdownFile, only: onlyText, peer: peerChoice } = args.values;
    const json = args.values.json === true;
    const [{ runBench }, { EXPERIMENTS }, { benchMarkdown, benchTables }] = await Promise.all([
      import('../bench/runBench.js'),
      import('../bench/experiments.js'),
      import('../bench/markdown.js'),
    ]);
    // Checked before any work: a bench takes minutes, and an unwritable target must not cost them.
    if (plotFile !== undefined) checkOutputTarget('--plot', plotFile);
    if (plotFile !== undefined) (await import('../plot/renderChart.js')).chartFormat('--plot', plotFile);
    if (markdownFile !== undefined) checkOutputTarget('--markdown', markdownFile);
    const ids = EXPERIMENTS.map((e) => e.id);
    let experiments = EXPERIMENTS;
    if (onlyText !== undefined) {
      const wanted = onlyText.split(',').map((t) => Number(t.trim()));
      if (wanted.length === 0 || wanted.some((w) => !ids.includes(w))) {
        throw invalidArgument('--only', onlyText, `a comma-separated list of experiments among ${ids.join(', ')}`);
      }
      experiments = EXPERIMENTS.filter((e) => wanted.includes(e.id));
    }
    const status = createStatusLine(io, args.values.quiet !== true && !json);
    const report = await runBench(experiments, {
      quick,
      runs,
      peer: peerChoice !== 'none',
      signal: io.signal,
      env: io.env,
      onCase: (experiment, row, index, total) => {
        status.draw(`[${index + 1}/${total + 1}] ${experiment.title}: ${row.label}`);
      },
    });
    status.clear();
    if (json) io.stdout(`${JSON.stringify(report)}\n`);
    else io.stdout(benchTables(report, createStyle(io.color), io.columns));
    const writes: OutputWrite[] = [];
    if (markdownFile !== undefined) writes.push({ option: '--markdown', path: markdownFile, data: () => benchMarkdown(report) });
    if (plotFile !== undefined) {
      const [{ renderChart }, { benchChart }] = await Promise.all([import('../plot/renderChart.js'), import('../bench/barChart.js')]);
      const chart = await renderChart(benchChart(report), plotFile, '--plot');
      writes.push({ option: '--plot', path: plotFile, data: () => chart });
    }
    return writeOutputs(io, 'bench', writes, report.status === 'aborted' ? stoppedExitCode(io.signal) : 0);
  },
});
