import { checkGenerator, groupsPlan, makeResult, type PiResult } from '@pi/core';
import { loadDataframe } from '../_loadDataframe.js';
import { defineCommand } from '../command.js';
import { createStyle, type Style } from '../_style.js';
import { formatResult, resultJson } from '../format.js';
import { checkOutputTarget, writeOutputs } from '../ops/outputFile.js';
import { stoppedExitCode } from '../ops/signals.js';
import { BASE_BYTES, BYTES_PER_WORKER, checkMemoryBudget, memoryBudget, memoryBudgetOption } from '../ops/memoryBudget.js';
import { createPhaseLine, createProgressBar } from '../progressBar.js';
import { generatorOption, jsonOption, samplesOption, seedOption } from '../options.js';
import { vectorizedInWorker } from './_dataframeInWorker.js';

/** Columns listed one by one in the table; wider frames show the first and last few (all of them with --json). */
const LISTED_COLUMNS = 40;

export const command = defineCommand({
  name: 'dataframe',
  summary:
    "The seed's pandas fills with danfo.js: an N × I DataFrame of 0/1 inside indicators, filled cell by cell or drawn then wrapped, with the per-column estimates 4 · mean.",
  usage: 'dataframe [--rows N] [--cols I] [--method cell|vectorized] [--seed S] [options]',
  options: {
    rows: { ...samplesOption, short: 'r', description: 'Rows: points per column (1000, 10k, 1e4)', defaultText: '10000' },
    cols: { ...samplesOption, short: 'c', valueName: 'I', description: 'Columns: groups, column i drawn from stream i', defaultText: '25' },
    method: {
      type: 'string',
      short: 'm',
      valueName: 'name',
      description: 'cell: set every cell through danfo (slow, O(N) a cell); vectorized: draw, then wrap once',
      choices: ['cell', 'vectorized'],
      defaultText: 'vectorized',
    },
    seed: seedOption,
    generator: generatorOption,
    csv: { type: 'string', valueName: 'FILE', description: 'Also write the DataFrame to FILE as CSV' },
    'memory-budget': memoryBudgetOption,
    json: jsonOption,
  },
  examples: [
    'pi dataframe --rows 10000 --cols 25 --seed 1',
    'pi dataframe --rows 2000 --cols 25 --method cell',
    'pi dataframe --rows 1e4 --cols 25 --generator numba --seed 1234 --json',
    'pi dataframe --rows 100 --cols 4 --csv indicators.csv',
  ],
  async run(args, io) {
    const { rows = 10_000, cols = 25, seed = 0, generator, method = 'vectorized', csv } = args.values;
    // @pi/dataframe is an optional peer: its danfo-free entry checks the size, and says how to add it if missing.
    const { checkTableSize, tableBytes } = await loadDataframe(() => import('@pi/dataframe/tableSize'));
    checkTableSize(rows, cols, { rows: '--rows', cols: '--cols' });
    if (csv !== undefined) checkOutputTarget('--csv', csv);
    // Memory grows with the shape, not only the cell count (danfo keeps per-column structures): the plan
    // is refused up front when the method's measured cost passes the budget.
    checkMemoryBudget(
      '--rows × --cols',
      `${rows}x${cols} with --method ${method}`,
      // The vectorized fill runs in a worker thread: its heap counts too.
      BASE_BYTES +
        (method === 'vectorized' ? BYTES_PER_WORKER : 0) +
        tableBytes(rows, cols, method as 'cell' | 'vectorized', csv !== undefined), // checked against its choices
      memoryBudget(args.values['memory-budget'], io.env),
      'use fewer rows or columns',
    );
    const options = { seed, ...(generator === undefined ? {} : { generator }) };

    let result: PiResult;
    let rowsFilled: number;
    let csvData: (() => string) | undefined;
    if (method === 'cell') {
      // danfo (and the tfjs it pulls in) loads only here, so `pi --help` and the other commands stay fast.
      const { estimatePi, fillDataFrame, frameCsv } = await loadDataframe(() => import('@pi/dataframe'));
      const progress = createProgressBar(io, `dataframe --method ${method}`, { quiet: args.values.json === true });
      const fill = await fillDataFrame(rows, cols, { ...options, signal: io.signal, onProgress: (p) => progress.update(p) }).finally(() =>
        progress.done(),
      );
      result = estimatePi(fill).result;
      rowsFilled = fill.rowsFilled;
      csvData = () => frameCsv(fill.frame);
    } else {
      // Drawing and danfo's constructor are synchronous and take seconds at ten million cells: in a worker
      // thread they leave this one free to stop at a signal, with nothing filled (the frame is built whole).
      // danfo's constructor cannot say how far along it is: the status line shows the phase and the time.
      const started = performance.now();
      const status = createPhaseLine(io, `dataframe --method ${method}`, { quiet: args.values.json === true });
      const outcome = await loadDataframe(() =>
        vectorizedInWorker({ rows, cols, ...options, csv: csv !== undefined }, io.signal, (phase) => status.phase(phase)),
      ).finally(() => status.done());
      if (outcome === undefined) {
        result = makeResult({
          plan: groupsPlan(rows, cols),
          generator: checkGenerator(generator ?? 'xoshiro128p'),
          seed,
          backend: 'dataframe-vectorized',
          reproducible: true,
          inside: 0,
          samples: 0,
          seconds: (performance.now() - started) / 1000,
          status: 'aborted',
        });
        rowsFilled = 0;
      } else {
        ({ result, rowsFilled } = outcome);
        const text = outcome.csvText;
        if (text !== undefined) csvData = () => text;
      }
    }

    if (args.values.json === true) {
      io.stdout(`${JSON.stringify({ ...resultJson(result), method, rows, cols, rowsFilled, csv: csv ?? null })}\n`);
    } else {
      const style = createStyle(io.color);
      io.stdout(columnTable(result, style));
      io.stdout(formatResult(result, style, io.columns));
      if (csv !== undefined) {
        io.stdout(
          `${style.dim('csv'.padEnd(14))}` +
            (csvData === undefined
              ? `not written: stopped before the DataFrame was built\n`
              : `${rows.toLocaleString('en-US')} × ${cols} cells written to ${csv}\n`),
        );
      }
    }
    const code = result.status === 'aborted' ? stoppedExitCode(io.signal) : 0;
    return writeOutputs(
      io,
      'dataframe',
      csv === undefined || csvData === undefined ? [] : [{ option: '--csv', path: csv, data: csvData }],
      code,
    );
  },
});

/** The seed's `4 * df.mean(axis="index")` as a table: column, inside count, estimate, error against π. */
function columnTable(result: PiResult, style: Style): string {
  const counts = result.groupCounts;
  const estimates = result.groupEstimates;
  if (counts === undefined || estimates === undefined) {
    return `${style.yellow('aborted')}: per-column estimates need complete columns; the summary below uses the complete rows\n\n`;
  }
  const shown =
    counts.length <= LISTED_COLUMNS
      ? counts.map((_, i) => i)
      : [...Array.from({ length: 30 }, (_, i) => i), -1, ...Array.from({ length: 5 }, (_, i) => counts.length - 5 + i)];
  const lines = [style.dim(`${'column'.padStart(8)}  ${'inside'.padStart(10)}  ${'4 · mean'.padStart(10)}  ${'error'.padStart(10)}`)];
  for (const i of shown) {
    if (i < 0) {
      lines.push(style.dim(`${'…'.padStart(8)}  ${counts.length - 35} more columns (all of them with --json)`));
      continue;
    }
    const estimate = estimates[i]!;
    const error = estimate - Math.PI;
    lines.push(
      `${String(i).padStart(8)}  ${counts[i]!.toLocaleString('en-US').padStart(10)}  ${estimate.toFixed(6).padStart(10)}  ` +
        style.dim(`${error >= 0 ? '+' : '−'}${Math.abs(error).toFixed(6)}`.padStart(10)),
    );
  }
  return `${lines.join('\n')}\n\n`;
}
