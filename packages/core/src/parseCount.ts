import { invalidArgument } from './piError.js';
import { MAX_SAMPLES } from './plan.js';

const SUFFIX_EXPONENT: Record<string, number> = { k: 3, K: 3, M: 6, G: 9, T: 12 };
const COUNT_TEXT = /^(\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?)(?:[eE]([+-]?\d+))?([kKMGT])?$/;

/** What a count may look like, for error messages. */
export const COUNT_FORMS = 'an integer in [1, 2^53), e.g. 1000000, 5e9, 5_000_000, 5M or 2.5G';

/**
 * Parses a count as people write it: `1000000`, `5e9`, `5_000_000`, `5M`, `2.5G` (k, M, G, T are
 * powers of 1000). The decimal text is handed to `Number` whole, so `2.5G` is exactly 2,500,000,000.
 * Anything that is not an integer in [1, 2^53) is refused with an error naming `option`.
 */
export function parseCount(option: string, text: string, forms: string = COUNT_FORMS): number {
  const match = COUNT_TEXT.exec(text.trim());
  if (match === null) throw invalidArgument(option, text, forms);
  const [, mantissa, exponent, suffix] = match;
  const power = Number(exponent ?? 0) + (suffix === undefined ? 0 : SUFFIX_EXPONENT[suffix]!);
  const digits = mantissa!.replaceAll('_', '');
  const value = Number(`${digits}e${power}`);
  if (!Number.isInteger(value) || value < 1 || value >= MAX_SAMPLES || !integerAsWritten(digits, power)) {
    throw invalidArgument(option, text, forms);
  }
  return value;
}

/**
 * Whether `digits` × 10^power is an integer as written, not only once rounded to a double:
 * `1000.00000000000001` is 1000 as a double but not a count.
 */
function integerAsWritten(digits: string, power: number): boolean {
  const point = digits.indexOf('.');
  const whole = point < 0 ? digits : digits.slice(0, point) + digits.slice(point + 1);
  const units = (point < 0 ? digits.length : point) + power;
  return /^0*$/.test(whole.slice(Math.max(0, units)));
}

/** Parses the seed's N × I as `50000x10000` (also `50_000x10k`, `500×64`). */
export function parseGroups(option: string, text: string): { pointsPerGroup: number; groups: number } {
  const forms = 'N x I: points per group times groups, each an integer in [1, 2^53), e.g. 50000x10000';
  const parts = text.trim().split(/\s*[x×]\s*/i);
  if (parts.length !== 2) throw invalidArgument(option, text, forms);
  let pointsPerGroup: number;
  let groups: number;
  try {
    pointsPerGroup = parseCount(option, parts[0]!, forms);
    groups = parseCount(option, parts[1]!, forms);
  } catch {
    throw invalidArgument(option, text, forms); // the whole value, not the half that failed ("x" → "")
  }
  if (pointsPerGroup * groups >= MAX_SAMPLES) throw invalidArgument(option, text, 'N × I below 2^53');
  return { pointsPerGroup, groups };
}
