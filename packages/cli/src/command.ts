import type { CliIo } from './io.js';

/** One option of a command, as data: parsing, help and error messages all read it. */
export interface OptionSpec<Value = unknown> {
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
  /**
   * Turns the text into the command's typed value, throwing a PiError INVALID_ARGUMENT that names the
   * option, the value and what is allowed. Runs while parsing, before the command starts.
   */
  readonly parse?: (text: string, option: string) => Value;
}

/** A command's options by name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The typed value of one option: `true` for a flag, the parsed value for a string option. */
export type OptionValue<Spec> = Spec extends { readonly type: 'boolean' }
  ? boolean
  : Spec extends { readonly parse: (text: string, option: string) => infer Value }
    ? Value
    : string;

/** Parsed values by option name (undefined when not given), positionals apart. */
export interface ParsedArgs<Options extends OptionSpecs = OptionSpecs> {
  readonly values: { readonly [Name in keyof Options]?: OptionValue<Options[Name]> };
  readonly positionals: readonly string[];
}

/** A command of the `pi` CLI. Modules export one as `command`; the command list imports them lazily. */
export interface Command<Options extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage line after `pi`, e.g. `estimate [options]`. */
  readonly usage: string;
  readonly options: Options;
  /** Name of the positional arguments in usage, when the command takes any. */
  readonly positionals?: string;
  /** Worked examples for `--help`. */
  readonly examples: readonly string[];
  /** Runs the command; resolves with the exit code. Throws PiError for usage and backend errors. */
  run(args: ParsedArgs<Options>, io: CliIo): Promise<number>;
}

/** Declares a command, keeping its options' types for `run`. */
export function defineCommand<const Options extends OptionSpecs>(command: Command<Options>): Command<Options> {
  return command;
}
