import type { Command } from './command.js';
import { COMMON_OPTIONS } from './_parseArgs.js';
import { twoColumns, wrapText } from './_wrap.js';

/**
 * `pi <command> --help` at `width` columns: usage, options with their allowed values and defaults, and
 * examples. Descriptions wrap under themselves; nothing runs past the edge.
 */
export function commandHelp(command: Command, width: number): string {
  const rows = Object.entries({ ...command.options, ...COMMON_OPTIONS }).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ` ${spec.valueName ?? 'value'}` : '';
    const extra = [spec.choices ? `one of ${spec.choices.join(', ')}` : '', spec.defaultText ? `default ${spec.defaultText}` : ''].filter(
      Boolean,
    );
    return [`  ${short}--${name}${value}`, spec.description + (extra.length ? ` (${extra.join('; ')})` : '')] as const;
  });
  return [
    ...wrapText(command.summary, width),
    '',
    ...wrapText(`Usage: pi ${command.usage}`, width - 4).map((line, i) => (i === 0 ? line : `    ${line}`)),
    '',
    'Options:',
    ...twoColumns(rows, width),
    '',
    'Examples:',
    ...command.examples.flatMap((e) => wrapText(e, width - 4).map((line, i) => (i === 0 ? `  ${line}` : `      ${line}`))),
    '',
  ].join('\n');
}
