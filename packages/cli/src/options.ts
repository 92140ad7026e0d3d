import {
  GENERATORS,
  PiError,
  checkSeed,
  describeOptionValues,
  invalidArgument,
  parseCount,
  parseGroups,
  type BackendOptionsGiven,
  type BackendRegistry,
  type EstimateOptions,
  type GeneratorName,
} from '@pi/core';
import type { OptionSpec, OptionSpecs, ParsedArgs } from './command.js';

/**
 * The options several commands share, one spec each: commands spread these (overriding a description or
 * a default where theirs differs) instead of writing their own, and share code through this module
 * rather than by importing each other.
 */

/** Exit code of a run stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

const SEED_RULE = 'an integer in [0, 2^53)';

/** Parses `--seed`: digits only, an integer in [0, 2^53). */
export function parseSeed(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw invalidArgument(option, text, SEED_RULE);
  try {
    return checkSeed(Number(text));
  } catch {
    throw invalidArgument(option, text, SEED_RULE);
  }
}

/** Parses an integer option in [min, max], written as counts are (`10000`, `10k`, `1e4`). */
export function integerParser(min: number, max: number): (text: string, option: string) => number {
  const allowed = `an integer in [${min}, ${max}]`;
  return (text, option) => {
    const value = parseCount(option, text, allowed);
    if (value < min || value > max) throw invalidArgument(option, text, allowed);
    return value;
  };
}

/** A count of points: `1000000`, `5e9`, `5_000_000`, `5M`, `2.5G`. */
const parseSamples = (text: string, option: string) => parseCount(option, text);

/** A string option read by `parse` into a typed value, with its one-letter alias and placeholder. */
function valueOption<Value>(
  short: string,
  valueName: string,
  description: string,
  parse: (text: string, option: string) => Value,
  defaultText?: string,
): OptionSpec<Value> & { readonly type: 'string'; readonly parse: (text: string, option: string) => Value } {
  return { type: 'string', short, valueName, description, parse, ...(defaultText === undefined ? {} : { defaultText }) };
}

export const seedOption = valueOption('s', 'S', `Seed, ${SEED_RULE}`, parseSeed, '0');

export const generatorOption = {
  type: 'string',
  valueName: 'name',
  description: 'Random generator',
  choices: GENERATORS,
  defaultText: 'xoshiro128p',
  parse: (text: string) => text as GeneratorName, // checked against choices first
} as const satisfies OptionSpec<GeneratorName>;

export const samplesOption = valueOption('n', 'N', 'Points to draw: 1000000, 5e9, 5_000_000, 5M, 2.5G', parseSamples, '1M');

export const groupsOption = valueOption(
  'g',
  'NxI',
  "The seed's N × I: I groups of N points, group i on stream i (e.g. 50000x10000)",
  (text, option) => parseGroups(option, text),
);

export const precisionOption = valueOption('p', 'P', 'Target half-width of the 95% interval; picks the samples', (text, option) => {
  const value = Number(text);
  if (!(value >= 3.4e-8) || !Number.isFinite(value)) throw invalidArgument(option, text, 'a number in [3.4e-8, ∞), e.g. 1e-4');
  return value;
});

export const jsonOption = {
  type: 'boolean',
  description: 'Print one JSON object (with schemaVersion) instead of a table',
} as const satisfies OptionSpec;

export const quietOption = { type: 'boolean', short: 'q', description: 'No progress on stderr' } as const satisfies OptionSpec;

/** `--samples`, `--groups`, `--precision`: at most one, as library options. */
export function planOptions(values: {
  readonly samples?: number | undefined;
  readonly groups?: { pointsPerGroup: number; groups: number } | undefined;
  readonly precision?: number | undefined;
}): Pick<EstimateOptions, 'samples' | 'groups' | 'precision'> {
  const given = (['samples', 'groups', 'precision'] as const).filter((k) => values[k] !== undefined);
  if (given.length > 1) {
    throw new PiError('INVALID_ARGUMENT', `--${given.join(' and --')}: give only one of --samples, --groups or --precision`, {
      option: `--${given[0]}`,
    });
  }
  const { samples, groups, precision } = values;
  return {
    ...(samples === undefined ? {} : { samples }),
    ...(groups === undefined ? {} : { groups }),
    ...(precision === undefined ? {} : { precision }),
  };
}

/** `tfBackend` → `tf-backend`: a backend option's name on the command line. */
export const flagName = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `--backend`: one of the registry's ids. */
export function backendOption(registry: BackendRegistry, defaultBackend: string) {
  return {
    type: 'string',
    short: 'b',
    valueName: 'name',
    description: 'Where to run (pi info says which run here)',
    choices: registry.ids(),
    defaultText: defaultBackend,
  } as const satisfies OptionSpec;
}

/** One-letter aliases the CLI gives some backend options. */
const BACKEND_OPTION_ALIASES: Readonly<Record<string, string>> = { threads: 't' };

/** One option spec per backend option in the registry (`--threads`, `--tf-backend`…), each knowing the backends it applies to. */
export function backendOptionSpecs(registry: BackendRegistry): OptionSpecs {
  const specs: Record<string, OptionSpec> = {};
  for (const [name, { option, backends }] of registry.options()) {
    const { values } = option;
    const short = BACKEND_OPTION_ALIASES[name];
    specs[flagName(name)] = {
      type: 'string',
      ...(short === undefined ? {} : { short }),
      valueName: values.kind === 'integer' ? 'N' : 'name',
      description: `${option.description}, for --backend ${backends.join(', ')}`,
      defaultText: option.defaultText,
      ...(values.kind === 'integer' ? { parse: integerParser(values.min, values.max) } : { choices: values.choices }),
    };
  }
  return specs;
}

/**
 * The backend options given on the command line, by their `create` names, after checking that each
 * applies to the chosen backend (an option for another backend is a usage error naming the backends it
 * applies to, not something silently ignored).
 */
export function backendOptionsFor(registry: BackendRegistry, backend: string, args: ParsedArgs<OptionSpecs>): BackendOptionsGiven {
  const given: Record<string, string | number> = {};
  for (const [name, { option, backends }] of registry.options()) {
    const flag = `--${flagName(name)}`;
    const value = args.values[flagName(name)];
    if (value === undefined) continue;
    if (!backends.includes(backend)) {
      throw new PiError('INVALID_ARGUMENT', `${flag}: applies to --backend ${backends.join(', ')} only, not ${backend}`, {
        option: flag,
      });
    }
    if (typeof value !== 'string' && typeof value !== 'number') throw invalidArgument(flag, value, describeOptionValues(option.values));
    given[name] = value;
  }
  return given;
}
