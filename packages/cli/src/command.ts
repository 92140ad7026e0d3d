import type { CliIo } from './io.js';

/** One option of a command, as data: parsing, help and error messages all read it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** One-letter alias. */
  readonly short?: string;
  /** Placeholder in help, e.g. `N`. */
  readonly valueName?: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Allowed values, checked before the command runs and listed in help and errors. */
  readonly choices?: readonly string[];
  /** Default shown in help. */
  readonly defaultText?: string;
}

/** Parsed values: strings and booleans by option name, positionals apart. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** A command of the `pi` CLI. Modules export one as `command`; the registry imports them lazily. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage line after `pi`, e.g. `estimate [options]`. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Name of the positional arguments in usage, when the command takes any. */
  readonly positionals?: string;
  /** Worked examples for `--help`. */
  readonly examples: readonly string[];
  /** Runs the command; resolves with the exit code. Throws PiError for usage and backend errors. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
