import { describe, expect, it } from 'vitest';
import { describeOptionValues, type BackendDescriptor, type BackendOption } from './backendDescriptor.js';
import { BackendRegistry } from './backendRegistry.js';

const threads = (max: number): BackendOption => ({
  name: 'threads',
  description: 'threads',
  values: { kind: 'integer', min: 1, max },
  defaultText: 'all',
});

const backend = (id: string, options: BackendOption[] = []): BackendDescriptor => ({
  id,
  summary: id,
  reproducible: true,
  generators: ['xoshiro128p'],
  hosts: ['node'],
  occupiesThread: true,
  options,
  probe: async () => ({ available: true, detail: '' }),
  create: async () => {
    throw new Error('not used');
  },
});

describe('BackendRegistry', () => {
  it('lists backends in registration order and finds them by id', () => {
    const registry = new BackendRegistry([backend('a'), backend('b')]).register(backend('c'));
    expect(registry.ids()).toEqual(['a', 'b', 'c']);
    expect(registry.find('b')?.id).toBe('b');
    expect(registry.find('z')).toBeUndefined();
  });

  it('gathers each option once, with every backend it applies to', () => {
    const registry = new BackendRegistry([backend('a', [threads(8)]), backend('b'), backend('c', [threads(8)])]);
    const options = registry.options();
    expect([...options.keys()]).toEqual(['threads']);
    expect(options.get('threads')?.backends).toEqual(['a', 'c']);
  });

  it('refuses an id twice, and one option name with two meanings', () => {
    const registry = new BackendRegistry([backend('a', [threads(8)])]);
    expect(() => registry.register(backend('a'))).toThrow('backend a: registered twice');
    expect(() => registry.register(backend('b', [threads(16)]))).toThrow(
      'backend b: option threads allows an integer in [1, 16], but on a it allows an integer in [1, 8]',
    );
  });

  it('says allowed values in words', () => {
    expect(describeOptionValues({ kind: 'choice', choices: ['webgpu', 'tensorflow', 'cpu'] })).toBe('webgpu, tensorflow or cpu');
    expect(describeOptionValues({ kind: 'integer', min: 1, max: 1024 })).toBe('an integer in [1, 1024]');
  });
});
