import { writeFile } from 'node:fs/promises';
import { PiError } from '@pi/core';
import { toCSV, type DataFrame } from 'danfojs-node';

/**
 * Writes a DataFrame as CSV (a header of column names, then one line per row) to exactly `path`. danfo's
 * `toCSV` makes the text; it is written here because danfo's own file writer appends ".csv" to names
 * that lack it. Fails with a RUNTIME_FAILURE PiError naming `option` and the path.
 */
export async function writeCsv(frame: DataFrame, path: string, option = 'csv'): Promise<void> {
  const text = frameCsv(frame);
  try {
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new PiError('RUNTIME_FAILURE', `${option}: cannot write ${JSON.stringify(path)}: ${(error as Error).message}`, {
      option,
      cause: error,
    });
  }
}

/** A DataFrame as CSV text: a header of column names, then one line per row (danfo's `toCSV`). */
export function frameCsv(frame: DataFrame): string {
  return toCSV(frame) as string;
}
