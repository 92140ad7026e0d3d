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
        rows.push({ experiment: `${e.id}. ${e.title}`, row: r.label, who: 'numba (the seed\'s code)', peerCase: r.peer.case, samplesPerSecond: r.samples / r.peer.warmSeconds });
      }
      return rows;
    }),
  );
  // Bars on a log axis need a domain that starts above zero: whole decades around the data.
  const rates = values.map((v) => v.samplesPerSecond);
  const domain = rates.length === 0 ? [1, 10] : [10 ** Math.floor(Math.log10(Math.min(...rates))), 10 ** Math.ceil(Math.log10(Math.max(...rates)))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `pi bench: warm samples/s (${report.machine.cpuModel}, ${report.machine.cores} cores)`,
    data: { values },
    facet: { row: { field: 'experiment', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold', labelLimit: 200 } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 520,
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'row', type: 'nominal', title: null, sort: null, axis: { labelLimit: 260 } },
        yOffset: { field: 'who' },
        x: { field: 'samplesPerSecond', type: 'quantitative', scale: { type: 'log', domain }, title: 'samples/s (log scale)', axis: { format: '~s' } },
        x2: { datum: domain[0] },
        color: { field: 'who', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 320, columns: 2 } },
      },
    },
  };
}
