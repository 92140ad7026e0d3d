import { invalidArgument } from '@pi/core';
import type { Command } from '../command.js';
import { flag, integerOption, stringOption } from '../_parseArgs.js';
import { createStyle } from '../_style.js';
import { checkOutputTarget, writeOutputs, type OutputWrite } from '../ops/outputFile.js';
import { stoppedExitCode } from '../ops/signals.js';

export const command: Command = {
  name: 'bench',
  summary: "The seed's timing cells on this machine: every way of doing each job, cold and warm, side by side with numba.",
  usage: 'bench [--quick] [--runs N] [--only 1,3] [--peer numba|none] [--json] [--markdown FILE] [--plot FILE]',
  options: {
    quick: { type: 'boolean', description: 'Small sizes (for CI and a first look): seconds instead of minutes' },
    runs: { type: 'string', valueName: 'N', description: 'Warm calls per row, after the cold one', defaultText: '3' },
    only: { type: 'string', valueName: 'list', description: 'Experiments to run, e.g. 1,3' },
    peer: {
      type: 'string',
      valueName: 'name',
      choices: ['numba', 'none'],
      description: "Run the numba peer (the seed's code) beside ours",
      defaultText: 'numba when python3 has it',
    },
    json: { type: 'boolean', description: 'Print the report as one JSON object' },
    markdown: { type: 'string', valueName: 'file', description: 'Also write the report as Markdown (BENCHMARKS.md)' },
    plot: { type: 'string', valueName: 'file', description: 'Also write a bar chart of samples/s, .svg or .png' },
    quiet: { type: 'boolean', short: 'q', description: 'No progress on stderr' },
  },
  examples: [
    'pi bench',
    'pi bench --quick',
    'pi bench --only 3 --runs 5',
    'pi bench --markdown BENCHMARKS.md --plot bench.svg',
    'pi bench --peer none --json',
  ],
  async run(args, io) {
    const quick = flag(args, 'quick');
    const runs = integerOption(args, 'runs', 3, 1, 100);
    const plotFile = stringOption(args, 'plot');
    const markdownFile = stringOption(args, 'markdown');
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
    const onlyText = stringOption(args, 'only');
    let experiments = EXPERIMENTS;
    if (onlyText !== undefined) {
      const wanted = onlyText.split(',').map((t) => Number(t.trim()));
      if (wanted.length === 0 || wanted.some((w) => !ids.includes(w))) {
        throw invalidArgument('--only', onlyText, `a comma-separated list of experiments among ${ids.join(', ')}`);
      }
      experiments = EXPERIMENTS.filter((e) => wanted.includes(e.id));
    }
    const peerChoice = stringOption(args, 'peer');
    const showProgress = io.stderrIsTTY && !flag(args, 'quiet') && !flag(args, 'json');
    const report = await runBench(experiments, {
      quick,
      runs,
      peer: peerChoice !== 'none',
      signal: io.signal,
      env: io.env,
      onCase: (experiment, row, index, total) => {
        if (showProgress) io.stderr(`\r\u001b[2K[${index + 1}/${total + 1}] ${experiment.title}: ${row.label}`);
      },
    });
    if (showProgress) io.stderr('\r\u001b[2K');
    if (flag(args, 'json')) io.stdout(`${JSON.stringify(report)}\n`);
    else io.stdout(benchTables(report, createStyle(io.color)));
    const writes: OutputWrite[] = [];
    if (markdownFile !== undefined) writes.push({ option: '--markdown', path: markdownFile, data: () => benchMarkdown(report) });
    if (plotFile !== undefined) {
      const [{ renderChart }, { benchChart }] = await Promise.all([import('../plot/renderChart.js'), import('../bench/barChart.js')]);
      const chart = await renderChart(benchChart(report), plotFile, '--plot');
      writes.push({ option: '--plot', path: plotFile, data: () => chart });
    }
    return writeOutputs(io, 'bench', writes, report.status === 'aborted' ? stoppedExitCode(io.signal) : 0);
  },
};
