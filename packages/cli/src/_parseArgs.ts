import { parseArgs } from 'node:util';
import { PiError, describeValue, invalidArgument } from '@pi/core';
import { closestName } from './_closestName.js';
import type { Command, OptionSpec, OptionSpecs, ParsedArgs } from './command.js';

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
};

function usageError(option: string, message: string): PiError {
  return new PiError('INVALID_ARGUMENT', `${option}: ${message}`, { option });
}

/**
 * Parses argv for a command. node:util's tokenizer splits the words (`--name=value`, `-abc`, `--`) and
 * knows nothing else; every check is ours, so messages do not depend on Node's wording: an unknown
 * option gets the closest known one ("did you mean --samples?"), a value gets its option's `choices`
 * and `parse`, all before the command runs.
 */
export function parseCommandArgs<Options extends OptionSpecs>(command: Command<Options>, argv: readonly string[]): ParsedArgs<Options> {
  const specs: OptionSpecs = { ...command.options, ...COMMON_OPTIONS };
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [name, { type: s.type, ...(s.short ? { short: s.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (command.positionals === undefined) {
        throw new PiError(
          'INVALID_ARGUMENT',
          `${describeValue(token.value)}: unexpected argument; "pi ${command.name}" takes options only (see pi ${command.name} --help)`,
        );
      }
      positionals.push(token.value);
      continue;
    }
    const written = token.rawName.startsWith('--') ? `--${token.name}` : token.rawName;
    const spec: OptionSpec | undefined = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) {
      // A one-letter alias is too short to guess from.
      const suggestion = token.rawName.startsWith('--') ? closestName(token.name, Object.keys(specs)) : undefined;
      throw usageError(
        written,
        `unknown option for "pi ${command.name}"; ${suggestion === undefined ? '' : `did you mean --${suggestion}? `}see pi ${command.name} --help`,
      );
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw usageError(`--${token.name}`, 'is a flag and takes no value');
      values[token.name] = true;
      continue;
    }
    // `--samples --json`: the tokenizer would take `--json` as the value; a value never starts with `--`.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      throw usageError(`--${token.name}`, `needs a value${spec.valueName ? ` (${spec.valueName})` : ''}; see pi ${command.name} --help`);
    }
    values[token.name] = readValue(`--${token.name}`, token.value, spec);
  }
  return { values, positionals } as ParsedArgs<Options>;
}

function readValue(option: string, text: string, spec: OptionSpec): unknown {
  if (spec.choices !== undefined && !spec.choices.includes(text)) throw invalidArgument(option, text, spec.choices.join(', '));
  return spec.parse === undefined ? text : spec.parse(text, option);
}
