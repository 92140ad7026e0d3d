import { displayWidth, wrapText } from './_wrap.js';

/** A column of a terminal table. */
export interface TableColumn {
  readonly header: string;
  /** Numbers align right. */
  readonly align?: 'left' | 'right';
  /** The one column that wraps when the table is wider than the terminal. */
  readonly wraps?: boolean;
}

const pad = (text: string, width: number, align: 'left' | 'right' | undefined) => {
  const room = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? room + text : text + room;
};

/**
 * A table that fits `width` columns: columns empty in every row are dropped, and when the rest is still
 * too wide the `wraps` column is narrowed and its cells wrap onto more lines of the same row. The header
 * comes back apart (first line) so callers can style it.
 */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], width: number, gap = 2): string[] {
  const kept = columns.map((_, i) => i).filter((i) => rows.some((r) => (r[i] ?? '') !== ''));
  const widths = new Map(kept.map((i) => [i, Math.max(displayWidth(columns[i]!.header), ...rows.map((r) => displayWidth(r[i] ?? '')))]));
  const total = () => [...widths.values()].reduce((a, b) => a + b, 0) + gap * (kept.length - 1);
  const flexible = kept.find((i) => columns[i]!.wraps === true);
  if (flexible !== undefined && total() > width) {
    widths.set(flexible, Math.max(12, widths.get(flexible)! - (total() - width)));
  }
  const line = (cells: readonly string[]) =>
    kept
      .map((i) => pad(cells[i] ?? '', widths.get(i)!, columns[i]!.align))
      .join(' '.repeat(gap))
      .trimEnd();
  const out = [line(columns.map((c) => c.header))];
  for (const row of rows) {
    const wrapped = flexible === undefined ? [row[flexible ?? 0] ?? ''] : wrapText(row[flexible] ?? '', widths.get(flexible)!);
    wrapped.forEach((piece, k) => {
      const cells = k === 0 ? [...row] : row.map(() => '');
      if (flexible !== undefined) cells[flexible] = piece;
      out.push(line(cells));
    });
  }
  return out;
}
