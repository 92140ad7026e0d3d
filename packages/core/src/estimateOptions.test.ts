import { describe, expect, it } from 'vitest';
import { resolveEstimateOptions } from './estimateOptions.js';
import { parseCount } from './parseCount.js';
import { isPiError } from './piError.js';

/** The PiError a call throws, for its code and message. */
function thrown(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (isPiError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('did not throw');
}

describe('resolveEstimateOptions refuses what it cannot use', () => {
  it('unknown keys, non-objects and nulls are INVALID_ARGUMENT, never a default run or a TypeError', () => {
    expect(thrown(() => resolveEstimateOptions({ sampels: 5 } as never))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^options: "sampels" is not allowed; expected one of the keys samples, groups/),
    });
    expect(thrown(() => resolveEstimateOptions(5 as never)).message).toMatch(/^options: 5 is not allowed; expected an object/);
    expect(thrown(() => resolveEstimateOptions(null as never)).message).toMatch(/^options: null is not allowed/);
    expect(thrown(() => resolveEstimateOptions({ samples: null } as never)).message).toMatch(/^samples: null is not allowed/);
    expect(thrown(() => resolveEstimateOptions({ seed: null } as never)).message).toMatch(/^seed: null is not allowed/);
    expect(thrown(() => resolveEstimateOptions({ generator: null } as never)).message).toMatch(/^generator: null is not allowed/);
    expect(resolveEstimateOptions({ samples: 5 }).plan).toMatchObject({ samples: 5 });
  });

  it('counts in decimal form must be integers as written', () => {
    expect(() => parseCount('--samples', '1000.00000000000001')).toThrow(/--samples: "1000.00000000000001" is not allowed/);
    expect(() => parseCount('--samples', '1.0000000000000001e3')).toThrow(/not allowed/);
    expect(parseCount('--samples', '1000.000')).toBe(1000);
    expect(parseCount('--samples', '2.5G')).toBe(2_500_000_000);
    expect(parseCount('--samples', '1.5e1')).toBe(15);
    expect(() => parseCount('--samples', '1.55e1')).toThrow(/not allowed/);
  });
});

describe('messages name the value as given', () => {
  it('--groups names the whole value, not the half that failed', async () => {
    const { parseGroups } = await import('./parseCount.js');
    expect(() => parseGroups('--groups', 'x')).toThrow(/^--groups: "x" is not allowed/);
    expect(() => parseGroups('--groups', '10xabc')).toThrow(/^--groups: "10xabc" is not allowed/);
  });

  it('Slurm variables: a count of 0 blames SLURM_ARRAY_TASK_COUNT, a task outside MIN..MAX names the range', async () => {
    const { shardFromEnvironment } = await import('./shardFromEnvironment.js');
    expect(() => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '0' })).toThrow(
      /^SLURM_ARRAY_TASK_COUNT: 0 is not allowed; expected at least 1 task/,
    );
    expect(() =>
      shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '3', SLURM_ARRAY_TASK_COUNT: '4' }),
    ).toThrow(/^SLURM_ARRAY_TASK_ID: 9 is not allowed; expected a task id in the array's range 0\.\.3/);
  });
});
