/**
 * The worker thread behind `pi dataframe --method vectorized`: draws the indicators, builds the danfo
 * DataFrame, estimates π from it and, when asked, makes the CSV text. All of that is synchronous and takes
 * seconds at ten million cells, so it runs here and the CLI's main thread stays free to answer a signal
 * (it then terminates this thread). A separate build entry (dist/dataframeWorker.js); danfo frames cannot
 * cross threads, so what comes back is what the command prints and writes.
 */
import { parentPort } from 'node:worker_threads';
import type { GeneratorName, PiResult } from '@pi/core';

/** What the command asks for. */
export interface DataframeTask {
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
  readonly generator?: GeneratorName;
  /** Also make the frame's CSV text. */
  readonly csv: boolean;
}

/** What the worker is doing, for the status line. */
export type DataframePhase = 'drawing the points and building the DataFrame' | 'estimating' | 'making the CSV text';

/**
 * What comes back: the phase it entered, then the numbers or why there are none (`code` is Node's or
 * PiError's, for the same handling).
 */
export type DataframeReply =
  | { readonly kind: 'phase'; readonly phase: DataframePhase }
  | { readonly kind: 'done'; readonly result: PiResult; readonly rowsFilled: number; readonly csvText?: string }
  | { readonly kind: 'failed'; readonly message: string; readonly code?: string; readonly name?: string };

if (parentPort === null) throw new Error('dataframeWorker.js must run in a worker thread');
const port = parentPort;

const phase = (name: DataframePhase) => port.postMessage({ kind: 'phase', phase: name } satisfies DataframeReply);

port.once('message', async (task: DataframeTask) => {
  try {
    const { estimatePi, fillDataFrame2, frameCsv } = await import('@pi/dataframe');
    phase('drawing the points and building the DataFrame');
    const fill = fillDataFrame2(task.rows, task.cols, {
      seed: task.seed,
      ...(task.generator === undefined ? {} : { generator: task.generator }),
    });
    phase('estimating');
    const { result } = estimatePi(fill);
    if (task.csv) phase('making the CSV text');
    const reply: DataframeReply = {
      kind: 'done',
      result,
      rowsFilled: fill.rowsFilled,
      ...(task.csv ? { csvText: frameCsv(fill.frame) } : {}),
    };
    port.postMessage(reply);
  } catch (error) {
    const { message, code, name } = error as { message?: unknown; code?: unknown; name?: unknown };
    const reply: DataframeReply = {
      kind: 'failed',
      message: String(message ?? error),
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof name === 'string' ? { name } : {}),
    };
    port.postMessage(reply);
  }
});
