import { parseArgs } from 'node:util';
import { PiError, describeValue, invalidArgument, parseCount } from '@pi/core';
import type { Command, OptionSpec, ParsedArgs } from './command.js';

/** Options every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
};

function optionList(command: Command): string {
  return Object.keys({ ...command.options, ...COMMON_OPTIONS })
    .map((o) => `--${o}`)
    .join(', ');
}

/**
 * Parses argv for a command with node:util's strict parser, and turns its errors into one-line
 * usage errors that name the option, the value and what is allowed.
 */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const specs: Readonly<Record<string, OptionSpec>> = { ...command.options, ...COMMON_OPTIONS };
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [name, { type: s.type, ...(s.short ? { short: s.short } : {}) }]),
  );
  // `--samples -5` should reach validation as the value -5, not as an unknown option `-5`.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const next = argv[i + 1];
    const spec = token.startsWith('--') ? specs[token.slice(2)] : undefined;
    if (spec?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      args.push(`${token}=${next}`);
      i++;
    } else {
      args.push(token);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: command.positionals !== undefined });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    const named = /--[\w-]+/.exec(quoted)?.[0];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = quoted.split(/[ =]/)[0] ?? quoted;
      throw new PiError('INVALID_ARGUMENT', `${name}: unknown option for "pi ${command.name}"; allowed: ${optionList(command)}`, {
        option: name,
      });
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = named ?? quoted;
      const spec = specs[name.replace(/^-+/, '')];
      const text =
        spec?.type === 'boolean'
          ? `${name}: is a flag and takes no value`
          : `${name}: needs a value${spec?.valueName ? ` (${spec.valueName})` : ''}; see pi ${command.name} --help`;
      throw new PiError('INVALID_ARGUMENT', text, { option: name });
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new PiError('INVALID_ARGUMENT', `${describeValue(quoted)}: unexpected argument for "pi ${command.name}"; options: ${optionList(command)}`);
    }
    throw new PiError('INVALID_ARGUMENT', message);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    const value = parsed.values[name];
    if (spec.choices !== undefined && typeof value === 'string' && !spec.choices.includes(value)) {
      throw invalidArgument(`--${name}`, value, spec.choices.join(', '));
    }
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/** The string value of an option, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a flag is set. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/**
 * An integer option in [min, max] (written as `parseCount` reads counts: `10000`, `10k`, `1e4`), or
 * `fallback` when absent. The one way commands read small integer options.
 */
export function integerOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const allowed = `an integer in [${min}, ${max}]`;
  const value = parseCount(`--${name}`, text, allowed);
  if (value < min || value > max) throw invalidArgument(`--${name}`, text, allowed);
  return value;
}
