/** A row of BENCHMARKS.md, as `pi bench --json` has it (numbers to the file's three figures). */
export interface ParsedBenchRow {
  label: string;
  baseline: boolean;
  available: boolean;
  note?: string;
  coldSeconds?: number;
  warmSeconds?: number;
  samplesPerSecond?: number;
  samples: number;
  pi?: number;
  speedupVsBaseline?: number;
  peer?: { case: string; available: boolean; note?: string; warmSeconds?: number; speedupVsPeer?: number };
}
export interface ParsedBenchReport {
  command: string;
  machine: { cpuModel: string; cores: number; memoryGiB: number; node: string; platform: string };
  startedAt: string;
  peer: { name: 'numba'; available: boolean; detail: string };
  status: 'completed' | 'aborted';
  experiments: { id: number; title: string; size: string; seedCell: string; rows: ParsedBenchRow[] }[];
}
export function parseDuration(text: string): number | undefined;
export function parseSi(text: string): number | undefined;
export function parseBenchMarkdown(text: string): ParsedBenchReport;
export function experimentTable(experiment: ParsedBenchReport['experiments'][number]): string;
