import type { BenchReport } from './types.js';

/** A Vega-Lite bar chart of warm samples/s per row (log axis), ours and numba's, one panel per experiment. */
export function benchChart(report: BenchReport): Record<string, unknown> {
  const values = report.experiments.flatMap((e) =>
    e.rows.flatMap((r) => {
      const rows: { experiment: string; row: string; who: string; samplesPerSecond: number; peerCase?: string }[] = [];
      if (r.available && r.samplesPerSecond !== undefined) {
        rows.push({ experiment: `${e.id}. ${e.title}`, row: r.label, who: 'pi', samplesPerSecond: r.samplesPerSecond });
      }
      if (r.peer?.available && r.peer.warmSeconds !== undefined && r.samples > 0) {
        rows.push({
          experiment: `${e.id}. ${e.title}`,
          row: r.label,
          who: "numba (the seed's code)",
          peerCase: r.peer.case,
          samplesPerSecond: r.samples / r.peer.warmSeconds,
        });
      }
      return rows;
    }),
  );
  return logBarChart({
    title: `pi bench: warm samples/s (${report.machine.cpuModel}, ${report.machine.cores} cores)`,
    values,
    value: 'samplesPerSecond',
    series: 'who',
    axisTitle: 'samples/s (log scale)',
    axisFormat: '~s',
  });
}

/** What `logBarChart` draws: one bar per value, grouped by `row` within each `experiment` panel. */
export interface LogBarChartOptions {
  readonly title: string;
  /** Each with `experiment` (the panel), `row` (the bar group), the `series` field and the `value` field. */
  readonly values: readonly Record<string, unknown>[];
  /** The numeric field drawn on the log axis. */
  readonly value: string;
  /** The field whose values sit side by side within a row, one colour each. */
  readonly series: string;
  readonly axisTitle: string;
  /** d3-format of the axis labels, e.g. `~s` (1M, 1G) or `~g`. */
  readonly axisFormat: string;
  /** Width of each panel's bars (520 unless given). */
  readonly width?: number;
}

/**
 * Horizontal bars on a log axis, one panel per experiment, series side by side: the shape of
 * `pi bench --plot`, for any positive quantity. The axis spans whole decades around the data (bars on a
 * log axis need a start above zero).
 */
export function logBarChart(options: LogBarChartOptions): Record<string, unknown> {
  const numbers = options.values.map((v) => Number(v[options.value]));
  const domain =
    numbers.length === 0
      ? [1, 10]
      : [10 ** Math.floor(Math.log10(Math.min(...numbers))), 10 ** Math.ceil(Math.log10(Math.max(...numbers)))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    data: { values: options.values },
    facet: {
      row: {
        field: 'experiment',
        type: 'nominal',
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold', labelLimit: 200 },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: options.width ?? 520,
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'row', type: 'nominal', title: null, sort: null, axis: { labelLimit: 260 } },
        yOffset: { field: options.series },
        x: {
          field: options.value,
          type: 'quantitative',
          scale: { type: 'log', domain },
          title: options.axisTitle,
          axis: { format: options.axisFormat },
        },
        x2: { datum: domain[0] },
        color: { field: options.series, type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 320, columns: 2 } },
      },
    },
  };
}
