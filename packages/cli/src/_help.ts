import type { Command } from './command.js';
import { COMMON_OPTIONS } from './_parseArgs.js';

/** `pi <command> --help`: usage, options with their allowed values and defaults, and examples. */
export function commandHelp(command: Command): string {
  const rows = Object.entries({ ...command.options, ...COMMON_OPTIONS }).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ` <${spec.valueName ?? 'value'}>` : '';
    const extra = [spec.choices ? `one of ${spec.choices.join(', ')}` : '', spec.defaultText ? `default ${spec.defaultText}` : ''].filter(
      Boolean,
    );
    return [`  ${short}--${name}${value}`, spec.description + (extra.length ? ` (${extra.join('; ')})` : '')] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `${command.summary}`,
    '',
    `Usage: pi ${command.usage}`,
    '',
    'Options:',
    ...rows.map(([left, right]) => left.padEnd(width) + right),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
