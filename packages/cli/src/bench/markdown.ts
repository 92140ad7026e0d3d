import type { BenchReport, BenchRow } from './types.js';
import { duration, si } from '../format.js';
import { renderTable, type TableColumn } from '../_table.js';
import { wrapText } from '../_wrap.js';

const ratio = (x: number | undefined) => (x === undefined ? '' : x >= 10 ? `${Math.round(x)}×` : `${x.toFixed(2)}×`);

const labelOf = (row: BenchRow) => row.label + (row.baseline ? ' (baseline)' : '');

/** cold, warm, samples/s, π̂, error, vs baseline: the measured cells of a row that ran, in every table. */
function measured(row: BenchRow): string[] {
  return [
    duration(row.coldSeconds!),
    duration(row.warmSeconds!),
    si(row.samplesPerSecond!),
    row.pi === undefined ? '' : row.pi.toFixed(6),
    row.error === undefined ? '' : row.error.toExponential(1),
    ratio(row.speedupVsBaseline),
  ];
}

function cells(row: BenchRow): string[] {
  if (!row.available) return [row.label, '—', '—', '—', '—', '—', '—', `not available: ${row.note ?? ''}`, '', ''];
  const peer = row.peer;
  return [
    labelOf(row),
    ...measured(row),
    row.note ?? '',
    peer === undefined
      ? ''
      : peer.available
        ? `${peer.case}: ${duration(peer.warmSeconds!)}`
        : `${peer.case}: ${peer.note ?? 'not available'}`,
    ratio(peer?.speedupVsPeer),
  ];
}

const HEADER = ['', 'cold', 'warm', 'samples/s', 'π̂', 'error', 'vs baseline', 'note', 'numba (warm)', 'vs numba'];

/** The report as Markdown: one table per experiment, the machine and the exact command. */
export function benchMarkdown(report: BenchReport): string {
  const out: string[] = [
    '# Benchmarks',
    '',
    `Produced by \`${report.command} --markdown BENCHMARKS.md\` on ${report.machine.cpuModel} (${report.machine.cores} cores, ` +
      `${report.machine.memoryGiB} GiB), Node ${report.machine.node}, ${report.machine.platform}, started ${report.startedAt}.`,
    '',
    `Cold is the first call (JIT warm-up, worker start, WebAssembly and shader compile); warm is the median of the calls after it: ${report.runs}, ` +
      'or more for fast rows, until they add up to 0.3 s (at most 100). ' +
      '"vs baseline" and "vs numba" are warm-time ratios measured in this one run: above 1× means faster. ' +
      `numba peer: ${report.peer.available ? report.peer.detail : `not available (${report.peer.detail})`}.`,
    '',
  ];
  if (report.status === 'aborted') out.push('**Interrupted: the tables hold the rows completed before Ctrl-C.**', '');
  for (const e of report.experiments) {
    out.push(`## ${e.id}. ${e.title}: ${e.size}`, '', `The seed's ${e.seedCell}.`, '');
    out.push(`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`);
    for (const row of e.rows)
      out.push(
        `| ${cells(row)
          .map((c) => c.replaceAll('|', '\\|'))
          .join(' | ')} |`,
      );
    out.push('');
  }
  return out.join('\n');
}

/** Collects notes once per experiment: a row points at `[n]` instead of repeating the text. */
function footnotes() {
  const notes: string[] = [];
  return {
    mark(text: string | undefined): string {
      if (text === undefined || text === '') return '';
      let n = notes.indexOf(text) + 1;
      if (n === 0) n = notes.push(text);
      return ` [${n}]`;
    },
    lines: () => notes.map((text, i) => `[${i + 1}] ${text}`),
  };
}

/** The Markdown table's columns without its note (notes are footnotes here); figures align right. */
const TERMINAL_COLUMNS: readonly TableColumn[] = HEADER.filter((h) => h !== 'note').map((header, i) =>
  i === 0 ? { header, wraps: true } : { header, align: 'right' },
);

/**
 * The report as plain tables that fit `width` columns: notes (an adapter, a reduced size, why a row or
 * the numba peer could not run) become footnotes, each said once per experiment; the label column wraps
 * if the rest does not fit.
 */
export function benchTables(
  report: BenchReport,
  style: { bold: (s: string) => string; dim: (s: string) => string },
  width: number,
): string {
  const out: string[] = [];
  for (const e of report.experiments) {
    out.push(...wrapText(`${e.id}. ${e.title}: ${e.size}`, width).map((l) => style.bold(l)));
    out.push(...wrapText(`The seed's ${e.seedCell}.`, width).map((l) => style.dim(l)));
    const notes = footnotes();
    const rows = e.rows.map((row) => {
      const label = labelOf(row);
      // Without the peer at all, the legend says why once; the numba columns stay out.
      const peer = report.peer.available ? row.peer : undefined;
      const peerCell =
        peer === undefined
          ? ''
          : peer.available
            ? duration(peer.warmSeconds!) + notes.mark(peer.note)
            : `—${notes.mark(`numba: ${peer.note ?? 'not available'}`)}`;
      if (!row.available)
        return [label + notes.mark(`not available: ${row.note ?? 'no reason given'}`), '—', '—', '—', '', '', '', peerCell, ''];
      return [label + notes.mark(row.note), ...measured(row), peerCell, ratio(peer?.speedupVsPeer)];
    });
    const [header, ...body] = renderTable(TERMINAL_COLUMNS, rows, width);
    out.push(
      style.dim(header!),
      ...body,
      ...notes.lines().flatMap((l) => wrapText(l, width - 4).map((w, i) => style.dim(i === 0 ? w : `    ${w}`))),
      '',
    );
  }
  const legend =
    `cold = first call, warm = median of ${report.runs} or more calls (0.3 s at least); ratios are warm-time speedups from this run. ` +
    `numba peer: ${report.peer.available ? report.peer.detail : `not available (${report.peer.detail})`}`;
  out.push(...wrapText(legend, width).map((l) => style.dim(l)));
  return `${out.join('\n')}\n`;
}
