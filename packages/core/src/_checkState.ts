import { PiError, describeValue } from './piError.js';
import type { GeneratorState } from './types.js';

/** Validates an untrusted 128-bit state. */
export function checkState(state: readonly number[], generator: string): GeneratorState {
  const ok =
    Array.isArray(state) &&
    state.length === 4 &&
    state.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff) &&
    state.some((w) => w !== 0);
  if (!ok) {
    throw new PiError(
      'INVALID_ARGUMENT',
      `state: ${describeValue(state)} is not a ${generator} state; expected four unsigned 32-bit integers, not all zero`,
      { option: 'state' },
    );
  }
  return [state[0]!, state[1]!, state[2]!, state[3]!];
}
