/** Stable error codes; the CLI maps them to exit codes. */
export type PiErrorCode = 'INVALID_ARGUMENT' | 'BACKEND_UNAVAILABLE' | 'ABORTED' | 'DEVICE_LOST' | 'WORKER_FAILED' | 'RUNTIME_FAILURE';

/** The one error class of pi. `code` is stable; `message` names the option, the value and what is allowed. */
export class PiError extends Error {
  override readonly name = 'PiError';
  /** What went wrong, as a stable code. */
  readonly code: PiErrorCode;
  /** The option at fault, for INVALID_ARGUMENT. */
  readonly option: string | undefined;

  constructor(code: PiErrorCode, message: string, options: { option?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.option = options.option;
  }
}

/** Whether a value is a PiError (also across bundle copies of this module). */
export function isPiError(value: unknown): value is PiError {
  return value instanceof PiError || (value instanceof Error && value.name === 'PiError' && 'code' in value);
}

/** Formats a value for an error message: strings quoted, everything else as written. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}

/** An INVALID_ARGUMENT error naming the option, the value and what is allowed. */
export function invalidArgument(option: string, value: unknown, allowed: string): PiError {
  return new PiError('INVALID_ARGUMENT', `${option}: ${describeValue(value)} is not allowed; expected ${allowed}`, {
    option,
  });
}
