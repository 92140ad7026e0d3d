// The site's figures, drawn at build time into public/figures/ (ignored by git) with the CLI's own
// renderer (Vega-Lite to SVG, as `pi bench --plot` and `pi plot` do). Benchmark figures come from the
// report in BENCHMARKS.md, the convergence figure from counting a plan here; none holds a typed number.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchChart, chartToSvg, convergence, convergenceChart, doublingCheckpoints, logBarChart } from '@pi/cli';

/** Widths that fit the page's column (about 690 px at 1280 px) with the labels beside the bars. */
const BAR_WIDTH = 300;

/** Facet headers above each panel, not beside it: the figure stays as narrow as its bars and labels. */
const TOP_HEADER = { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelFontWeight: 'bold', labelFontSize: 12, labelLimit: 500 };

/** A faceted bar chart of the CLI's, narrowed for the page: panel titles above the bars, legend on top. */
function narrowed(spec) {
  spec.spec.width = BAR_WIDTH;
  spec.spec.encoding.y.axis.labelLimit = 260;
  spec.spec.encoding.color.legend.orient = 'top';
  spec.facet.row.header = TOP_HEADER;
  return spec;
}

/** `pi bench --plot`'s chart for some experiments, narrowed for the page. */
function benchFigure(report, experiments) {
  const spec = narrowed(benchChart({ ...report, experiments }));
  if (experiments.length === 1) {
    // One panel: its heading is the page's, so the facet header would repeat it.
    spec.facet.row.header = { title: null, labels: false };
    spec.title = `warm samples/s, log scale (${report.machine.cpuModel}, ${report.machine.cores} cores)`;
  }
  return spec;
}

/** How many times faster than each experiment's baseline, and than numba's version of the row (log scale). */
export function speedupChart(report) {
  const values = report.experiments.flatMap((e) =>
    e.rows.flatMap((r) => {
      const rows = [];
      if (r.available && r.speedupVsBaseline !== undefined && !r.baseline) {
        rows.push({ experiment: `${e.id}. ${e.title}`, row: r.label, against: "the experiment's baseline", times: r.speedupVsBaseline });
      }
      if (r.peer?.speedupVsPeer !== undefined) {
        rows.push({ experiment: `${e.id}. ${e.title}`, row: r.label, against: "numba's version of the row", times: r.peer.speedupVsPeer });
      }
      return rows;
    }),
  );
  const times = values.map((v) => v.times);
  const domain = [10 ** Math.floor(Math.log10(Math.min(0.5, ...times))), 10 ** Math.ceil(Math.log10(Math.max(2, ...times)))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `times faster, warm, log scale (${report.machine.cpuModel}, ${report.machine.cores} cores)`,
    data: { values },
    facet: { row: { field: 'experiment', type: 'nominal', title: null, header: TOP_HEADER } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: BAR_WIDTH,
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: {
            y: { field: 'row', type: 'nominal', title: null, sort: null, axis: { labelLimit: 260 } },
            yOffset: { field: 'against' },
            x: {
              field: 'times',
              type: 'quantitative',
              scale: { type: 'log', domain },
              title: 'times faster (1× = as fast)',
              axis: { format: '~g' },
            },
            x2: { datum: 1 },
            color: { field: 'against', type: 'nominal', title: null, legend: { orient: 'top', labelLimit: 300 } },
          },
        },
        { mark: { type: 'rule', color: '#555' }, encoding: { x: { datum: 1 } } },
        {
          // The ratio at the end of its bar, as the tables print it.
          transform: [{ calculate: "(datum.times >= 10 ? format(datum.times, '.0f') : format(datum.times, '.2f')) + '×'", as: 'label' }],
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
          encoding: {
            y: { field: 'row', type: 'nominal', sort: null },
            yOffset: { field: 'against' },
            x: { field: 'times', type: 'quantitative' },
            text: { field: 'label' },
          },
        },
      ],
    },
  };
}

/** Cold (the first call) against warm (the median of the calls after it) for every row that ran. */
export function coldWarmChart(report, experimentIds) {
  const values = report.experiments
    .filter((e) => experimentIds.includes(e.id))
    .flatMap((e) =>
      e.rows.flatMap((r) =>
        r.available && r.coldSeconds !== undefined && r.warmSeconds !== undefined
          ? [
              { experiment: `${e.id}. ${e.title}`, row: r.label, call: 'cold: the first call', ms: r.coldSeconds * 1000 },
              { experiment: `${e.id}. ${e.title}`, row: r.label, call: 'warm: the median after it', ms: r.warmSeconds * 1000 },
            ]
          : [],
      ),
    );
  return narrowed(
    logBarChart({
      title: `milliseconds per call, log scale (${report.machine.cpuModel}, ${report.machine.cores} cores)`,
      values,
      value: 'ms',
      series: 'call',
      axisTitle: 'ms (log scale)',
      axisFormat: '~g',
    }),
  );
}

/**
 * The lecture's CPU-vs-GPU picture, drawn: a CPU as a few large cores, each with its own control and
 * cache; a GPU as many small lanes in groups that share one instruction stream (workgroups, in WebGPU).
 * Counts are illustrative, not of any one chip.
 */
export function cpuVsGpuSvg() {
  const width = 680;
  const height = 300;
  const parts = [];
  const rect = (x, y, w, h, fill, extra = '') =>
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${fill}" ${extra}/>`);
  const text = (x, y, s, extra = '') => parts.push(`<text x="${x}" y="${y}" ${extra}>${s}</text>`);
  // CPU: 2 × 4 big cores.
  text(20, 28, 'CPU: a few large cores', 'font-weight="bold"');
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 2; c++) {
      const x = 20 + c * 130;
      const y = 44 + r * 56;
      rect(x, y, 120, 48, '#dbe9f6', 'stroke="#4c78a8"');
      rect(x + 6, y + 6, 50, 16, '#f2c57c');
      text(x + 31, y + 18, 'control', 'font-size="9" text-anchor="middle"');
      rect(x + 6, y + 26, 50, 16, '#9ecae9');
      text(x + 31, y + 38, 'cache', 'font-size="9" text-anchor="middle"');
      rect(x + 62, y + 6, 52, 36, '#4c78a8');
      text(x + 88, y + 28, 'ALU', 'font-size="10" fill="white" text-anchor="middle"');
    }
  }
  text(20, 284, 'each core runs its own long chain of work', 'font-size="11" fill="#444"');
  // GPU: groups of 8 × 4 small lanes sharing one control unit.
  const gx = 320;
  text(gx, 28, 'GPU: many small lanes, in groups', 'font-weight="bold"');
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      const x = gx + c * 86;
      const y = 44 + r * 56;
      rect(x, y, 80, 48, '#e6f2e6', 'stroke="#54a24b"');
      rect(x + 4, y + 4, 72, 7, '#f2c57c');
      for (let lr = 0; lr < 4; lr++) {
        for (let lc = 0; lc < 8; lc++) rect(x + 4 + lc * 9, y + 14 + lr * 8, 7, 6, '#54a24b');
      }
    }
  }
  text(gx, 284, 'a group runs one program on many data at once', 'font-size="11" fill="#444"');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif" font-size="13" role="img">`,
    '<title>CPU vs GPU: a few large cores against many small lanes in groups</title>',
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

/** Draws every figure into public/figures/ and returns their file names. */
export async function drawFigures(docsRoot, report) {
  const out = join(docsRoot, 'public/figures');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = {};
  const write = (name, svg) => {
    writeFileSync(join(out, name), svg);
    files[name] = true;
  };
  write('cpu-vs-gpu.svg', cpuVsGpuSvg());
  // The estimate after 16, 32, 64, … points of one plan, up to ten million, with its 95% band.
  const counted = await convergence('xoshiro128p', 1, doublingCheckpoints(10_000_000));
  // The CLI's convergence returns the points, or (where it can be stopped) { points, aborted }.
  const points = Array.isArray(counted) ? counted : counted.points;
  const spec = convergenceChart(points, 'π̂ after n points (xoshiro128p, seed 1), with its 95% interval');
  spec.width = 560;
  spec.height = 300;
  write('convergence.svg', await chartToSvg(spec));
  if (report !== undefined) {
    write('bench.svg', await chartToSvg(benchFigure(report, report.experiments)));
    for (const e of report.experiments) write(`bench-${e.id}.svg`, await chartToSvg(benchFigure(report, [e])));
    write('speedup.svg', await chartToSvg(speedupChart(report)));
    write('cold-warm.svg', await chartToSvg(coldWarmChart(report, [1, 3])));
  }
  return Object.keys(files);
}
