/** Display width of a string: ANSI styles take no room. */
export function displayWidth(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts the ANSI colour codes stripped here
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/**
 * Splits text into lines of at most `width` characters at spaces (ANSI styles take no room); a word
 * longer than a line is cut. Never returns no lines (an empty text is one empty line).
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(8, width);
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w !== '')) {
    while (displayWidth(word) > limit) {
      if (line !== '') lines.push(line);
      line = '';
      const chars = [...word];
      lines.push(chars.slice(0, limit).join(''));
      word = chars.slice(limit).join('');
    }
    if (line === '') line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= limit) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Two columns: each left cell padded to the widest, each right cell wrapped to what is left of
 * `width` and continued under itself.
 */
export function twoColumns(rows: ReadonlyArray<readonly [string, string]>, width: number, gap = 2): string[] {
  const left = Math.max(...rows.map(([l]) => displayWidth(l))) + gap;
  return rows.flatMap(([l, r]) =>
    wrapText(r, width - left).map((line, i) => (i === 0 ? l + ' '.repeat(left - displayWidth(l)) : ' '.repeat(left)) + line),
  );
}
