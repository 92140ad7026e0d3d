/** Where a command writes, and what it knows of the terminal. Tests pass their own. */
export interface CliIo {
  /** Writes results (tables, JSON). */
  readonly stdout: (text: string) => void;
  /** Writes progress, warnings and errors. */
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal: progress bars only then. */
  readonly stderrIsTTY: boolean;
  /** Whether stdout may carry colour (a terminal and no NO_COLOR). */
  readonly color: boolean;
  /** Terminal width: help, tables and progress lines fit it (80 when not a terminal). */
  readonly columns: number;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: commands stop, print the partial result, and exit 130. */
  readonly signal: AbortSignal;
  /** Reads standard input to its end (`pi merge -`); the process's stdin when absent. */
  readonly stdin?: () => Promise<string>;
}

/** Collects output in memory; for tests and for callers that want the text. */
export function memoryIo(overrides: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    color: false,
    columns: 80,
    env: {},
    signal: new AbortController().signal,
    ...overrides,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
