import { describe, expect, it } from 'vitest';
import { Fnv1a64 } from './_fnv1a64.js';

/** The same hash with BigInt, written from the definition: xor the unit, multiply by 2^40 + 0x1b3 mod 2^64. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & ((1n << 64n) - 1n);
  return hash.toString(16).padStart(16, '0');
}

describe('Fnv1a64', () => {
  it('gives the published FNV-1a 64 values', () => {
    expect(new Fnv1a64().hex()).toBe('cbf29ce484222325');
    expect(new Fnv1a64().update('a').hex()).toBe('af63dc4c8601ec8c');
    expect(new Fnv1a64().update('foobar').hex()).toBe('85944171f73967e8');
  });

  it('equals the BigInt definition on long and non-ASCII inputs, fed whole or in pieces', () => {
    const text = `pi-run/1 xoshiro128p 1 samples:1000000:65536 π ${'9'.repeat(300)}`;
    expect(new Fnv1a64().update(text).hex()).toBe(reference(text));
    expect(new Fnv1a64().update(text.slice(0, 17)).update(text.slice(17)).hex()).toBe(reference(text));
  });
});
