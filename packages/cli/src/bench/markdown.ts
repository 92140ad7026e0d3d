import type { BenchReport, BenchRow } from './types.js';
import { duration, si } from '../format.js';

const ratio = (x: number | undefined) => (x === undefined ? '' : x >= 10 ? `${Math.round(x)}×` : `${x.toFixed(2)}×`);

function cells(row: BenchRow): string[] {
  if (!row.available) return [row.label, '—', '—', '—', '—', '—', '—', `not available: ${row.note ?? ''}`, '', ''];
  const peer = row.peer;
  return [
    row.label + (row.baseline ? ' (baseline)' : ''),
    duration(row.coldSeconds!),
    duration(row.warmSeconds!),
    si(row.samplesPerSecond!),
    row.pi === undefined ? '' : row.pi.toFixed(6),
    row.error === undefined ? '' : row.error.toExponential(1),
    ratio(row.speedupVsBaseline),
    row.note ?? '',
    peer === undefined ? '' : peer.available ? `${peer.case}: ${duration(peer.warmSeconds!)}` : `${peer.case}: ${peer.note ?? 'not available'}`,
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
    for (const row of e.rows) out.push(`| ${cells(row).map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

/** The report as plain tables for a terminal. */
export function benchTables(report: BenchReport, style: { bold: (s: string) => string; dim: (s: string) => string }): string {
  const out: string[] = [];
  for (const e of report.experiments) {
    out.push(style.bold(`${e.id}. ${e.title}: ${e.size}`) + style.dim(`  (seed: ${e.seedCell})`));
    const rows = [HEADER, ...e.rows.map(cells)];
    const used = HEADER.map((_, i) => rows.some((r, j) => j > 0 && r[i] !== ''));
    const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const [j, r] of rows.entries()) {
      const line = r.map((c, i) => (used[i] ? c.padEnd(widths[i]!) : '')).filter((_, i) => used[i]).join('  ');
      out.push(j === 0 ? style.dim(line) : line);
    }
    out.push('');
  }
  out.push(
    style.dim(
      `cold = first call, warm = median of ${report.runs} or more calls (0.3 s at least); ratios are warm-time speedups from this run. numba peer: ${report.peer.available ? report.peer.detail : `not available (${report.peer.detail})`}`,
    ),
  );
  return `${out.join('\n')}\n`;
}
