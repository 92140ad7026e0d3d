import { describe, expect, it } from 'vitest';
import { parseCount, parseGroups } from './parseCount.js';
import { PiError } from './piError.js';

describe('parseCount', () => {
  it.each([
    ['1000000', 1_000_000],
    ['5e9', 5_000_000_000],
    ['5_000_000', 5_000_000],
    ['5M', 5_000_000],
    ['2.5G', 2_500_000_000],
    ['1.1M', 1_100_000],
    ['10k', 10_000],
    ['1e8', 100_000_000],
    ['0.5e2', 50],
    [' 42 ', 42],
    ['9007199254740991', 2 ** 53 - 1],
  ])('%s → %d', (text, value) => {
    expect(parseCount('--samples', text)).toBe(value);
  });

  it.each(['-5', '1.5', 'abc', '1e300', '0', '', 'Infinity', 'NaN', '5__0', '_5', '5_', '1e-3', '9007199254740992', '2.5X', '0x10'])(
    'refuses %j naming the option and what is allowed',
    (text) => {
      let error: unknown;
      try {
        parseCount('--samples', text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PiError);
      expect((error as PiError).code).toBe('INVALID_ARGUMENT');
      expect((error as PiError).message).toContain('--samples');
      expect((error as PiError).message).toContain(JSON.stringify(text));
      expect((error as PiError).message).toContain('an integer in [1, 2^53)');
    },
  );
});

describe('parseGroups', () => {
  it('reads N x I', () => {
    expect(parseGroups('--groups', '50000x10000')).toEqual({ pointsPerGroup: 50_000, groups: 10_000 });
    expect(parseGroups('--groups', '500×64')).toEqual({ pointsPerGroup: 500, groups: 64 });
    expect(parseGroups('--groups', '50kX10k')).toEqual({ pointsPerGroup: 50_000, groups: 10_000 });
  });
  it.each(['500', '500x', 'x64', '500x64x2', '0x64', '1e9x1e9'])('refuses %j', (text) => {
    expect(() => parseGroups('--groups', text)).toThrow(/--groups/);
  });
});
