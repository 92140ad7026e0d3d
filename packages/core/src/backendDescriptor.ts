import type { Estimator, GeneratorName } from './types.js';

/** Where a backend can run. */
export type BackendHost = 'node' | 'browser';

/** The values a backend option allows. */
export type BackendOptionValues =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'choice'; readonly choices: readonly string[] };

/** An option that applies to one backend, e.g. the worker count of `workers`. */
export interface BackendOption {
  /** Its name in `create`'s options, camelCase (`threads`, `tfBackend`). */
  readonly name: string;
  /** One line for help. */
  readonly description: string;
  /** What it allows; checked before `create` is called. */
  readonly values: BackendOptionValues;
  /** What happens when it is left out, in a few words. */
  readonly defaultText: string;
}

/** Whether a backend can run here; if not, why, in one line; if so, on what. */
export interface BackendAvailability {
  readonly available: boolean;
  readonly detail: string;
}

/** Values of a backend's options, by `BackendOption.name`, already checked against their `values`. */
export type BackendOptionsGiven = Readonly<Record<string, string | number | undefined>>;

/**
 * A backend as data, registered by the package that owns it (the tfjs pattern: a kernel is registered
 * by name and backend). Everything that lists backends — the CLI's commands and option checks, the docs
 * demo, the conformance suite — reads descriptors; nothing else names them.
 */
export interface BackendDescriptor {
  /** Name as in results and `pi estimate --backend`. */
  readonly id: string;
  /** One line, at most about 60 characters, for help, `pi info` and the demo's picker. */
  readonly summary: string;
  /** Whether counts keep the reproducibility contract (equal to `loop` for the same generator, seed and plan). */
  readonly reproducible: boolean;
  /** Generators it draws with; a non-reproducible backend accepts these names but draws from its own source. */
  readonly generators: readonly GeneratorName[];
  /** Where it runs. */
  readonly hosts: readonly BackendHost[];
  /**
   * Whether a run occupies the calling thread between its short yields (single-thread CPU counting). A page
   * runs such a backend in a worker of its own to stay responsive.
   */
  readonly occupiesThread: boolean;
  /** The options that apply to it, beyond the plan, generator and seed every backend takes. */
  readonly options: readonly BackendOption[];
  /** Checks, cheaply and without keeping anything open, whether it can run here. Never rejects. */
  probe(): Promise<BackendAvailability>;
  /**
   * Makes the estimator (loads its modules; threads and devices start on the first run). Rejects with a
   * PiError BACKEND_UNAVAILABLE where it cannot run.
   */
  create(options?: BackendOptionsGiven): Promise<Estimator>;
}

/** The allowed values of a backend option, in words: `an integer in [1, 1024]`, `webgpu, tensorflow or cpu`. */
export function describeOptionValues(values: BackendOptionValues): string {
  if (values.kind === 'integer') return `an integer in [${values.min}, ${values.max}]`;
  const { choices } = values;
  return choices.length <= 1 ? (choices[0] ?? 'nothing') : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}
