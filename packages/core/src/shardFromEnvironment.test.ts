import { describe, expect, it } from 'vitest';
import { shardFromEnvironment } from './shardFromEnvironment.js';

describe('shardFromEnvironment', () => {
  it('is undefined outside a scheduler', () => {
    expect(shardFromEnvironment({})).toBeUndefined();
    expect(shardFromEnvironment({ SLURM_JOB_ID: '12', HOME: '/root' })).toBeUndefined();
    expect(shardFromEnvironment({ PI_SHARD_COUNT: '4' })).toBeUndefined();
  });

  it('reads a Slurm array that starts at 0', () => {
    const env = { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '2', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(shardFromEnvironment(env)).toEqual({
      shard: { index: 2, count: 3 },
      scheduler: 'slurm',
      detail: 'SLURM_ARRAY_TASK_ID=2 in array 0-2',
    });
  });

  it('numbers arrays that start elsewhere, or step, from 0', () => {
    const base = { SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '8', SLURM_ARRAY_TASK_COUNT: '8' };
    expect(shardFromEnvironment({ ...base, SLURM_ARRAY_TASK_ID: '1' })?.shard).toEqual({ index: 0, count: 8 });
    expect(shardFromEnvironment({ ...base, SLURM_ARRAY_TASK_ID: '8' })?.shard).toEqual({ index: 7, count: 8 });
    const stepped = {
      SLURM_ARRAY_TASK_ID: '14',
      SLURM_ARRAY_TASK_MIN: '10',
      SLURM_ARRAY_TASK_MAX: '20',
      SLURM_ARRAY_TASK_STEP: '2',
      SLURM_ARRAY_TASK_COUNT: '6',
    };
    expect(shardFromEnvironment(stepped)?.shard).toEqual({ index: 2, count: 6 });
  });

  it('takes the count from MIN and MAX when COUNT is not set (older Slurm)', () => {
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_MAX: '9' })?.shard).toEqual({
      index: 0,
      count: 5,
    });
  });

  it('refuses arrays that are not evenly spaced ranges', () => {
    // --array=1,4,9: MIN 1, MAX 9, COUNT 3
    const list = { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '9', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(() => shardFromEnvironment(list)).toThrow(
      /^SLURM_ARRAY_TASK_ID: SLURM_ARRAY_TASK_ID=4 in array 1-9 of 3 tasks is not an evenly spaced range/,
    );
  });

  it('checks a given count against the array, and needs one when Slurm gives none', () => {
    const env = { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '2', SLURM_ARRAY_TASK_COUNT: '3' };
    expect(shardFromEnvironment(env, { count: 3 })?.shard).toEqual({ index: 0, count: 3 });
    expect(() => shardFromEnvironment(env, { count: 4, countName: '--shards' })).toThrow(
      "--shards: 4 is not allowed; expected the array's task count 3",
    );
    expect(() => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '3' })).toThrow(/gives no task count/);
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '3', PI_SHARD_COUNT: '4' })?.shard).toEqual({ index: 3, count: 4 });
  });

  it('reads a Kubernetes Indexed Job with the count from options or PI_SHARD_COUNT', () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '4' }, { count: 8 })).toEqual({
      shard: { index: 4, count: 8 },
      scheduler: 'kubernetes',
      detail: 'JOB_COMPLETION_INDEX=4',
    });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0', PI_SHARD_COUNT: '3' })?.shard).toEqual({ index: 0, count: 3 });
    // an explicit count wins over the variable
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '5', PI_SHARD_COUNT: '3' }, { count: 6 })?.shard).toEqual({ index: 5, count: 6 });
  });

  it('refuses a Kubernetes index without a count, or beyond it', () => {
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '1' })).toThrow(
      /^JOB_COMPLETION_INDEX: JOB_COMPLETION_INDEX=1 is set but not the shard count; give the shard count or set PI_SHARD_COUNT/,
    );
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '3', PI_SHARD_COUNT: '3' })).toThrow(
      'JOB_COMPLETION_INDEX: JOB_COMPLETION_INDEX=3 gives shard index 3, not below the shard count 3; expected 0 ≤ index < count',
    );
  });

  it('prefers Slurm when both are set', () => {
    const env = {
      JOB_COMPLETION_INDEX: '0',
      PI_SHARD_COUNT: '2',
      SLURM_ARRAY_TASK_ID: '1',
      SLURM_ARRAY_TASK_MIN: '0',
      SLURM_ARRAY_TASK_COUNT: '2',
    };
    expect(shardFromEnvironment(env)?.scheduler).toBe('slurm');
  });

  it.each([
    ['SLURM_ARRAY_TASK_ID', '-1'],
    ['SLURM_ARRAY_TASK_ID', 'abc'],
    ['JOB_COMPLETION_INDEX', '1.5'],
    ['PI_SHARD_COUNT', '0x10'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    const env = { JOB_COMPLETION_INDEX: '0', PI_SHARD_COUNT: '2', [name]: value };
    expect(() => shardFromEnvironment(env)).toThrow(`${name}: "${value}" is not allowed; expected a non-negative integer`);
  });

  it('refuses a count of 0', () => {
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '0', PI_SHARD_COUNT: '0' })).toThrow(
      'PI_SHARD_COUNT: 0 is not allowed; expected an integer in [1, 2^53)',
    );
  });
});
