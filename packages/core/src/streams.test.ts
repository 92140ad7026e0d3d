import { describe, expect, it } from 'vitest';
import { numbaJumpState } from './numbaXoroshiro128p.js';
import { StreamCursor, jumpState, seedState, streamState, streamStates } from './streams.js';
import { xoshiro128pJumpState } from './xoshiro128p.js';

describe('stream start states (GF(2) jump powers) equal sequential jumps', () => {
  const sequential = { xoshiro128p: xoshiro128pJumpState, numba: numbaJumpState };
  for (const generator of ['xoshiro128p', 'numba'] as const) {
    it(`${generator}: streams 0…40 for two seeds`, () => {
      for (const seed of [0, 123456789]) {
        let s = seedState(generator, seed);
        for (let k = 0; k <= 40; k++) {
          expect(streamState(generator, seed, k)).toEqual(s);
          s = sequential[generator](s);
        }
      }
    });

    it(`${generator}: J^(a+b) = J^a J^b for large a, b`, () => {
      const s = seedState(generator, 42);
      const a = 2 ** 40 + 12345;
      const b = 987654321;
      expect(jumpState(generator, jumpState(generator, s, a), b)).toEqual(jumpState(generator, s, a + b));
      expect(jumpState(generator, s, a)).not.toEqual(jumpState(generator, s, a + 1));
    });

    it(`${generator}: a cursor walks streams from any first one, one jump each`, () => {
      const cursor = new StreamCursor(generator, 9, 2 ** 40);
      for (let k = 2 ** 40; k < 2 ** 40 + 5; k++) {
        expect([cursor.stream, cursor.state]).toEqual([k, streamState(generator, 9, k)]);
        cursor.advance();
      }
      const packed = cursor.take(3, new Int32Array(4 * 4), 4);
      expect(Array.from(packed.subarray(0, 4))).toEqual([0, 0, 0, 0]);
      expect(Array.from(new Uint32Array(packed.buffer, 16, 4))).toEqual(streamState(generator, 9, 2 ** 40 + 5));
      expect(cursor.stream).toBe(2 ** 40 + 8);
    });

    it(`${generator}: streamStates packs consecutive streams`, () => {
      const packed = streamStates(generator, 9, 1000, 5);
      for (let i = 0; i < 5; i++) {
        expect(Array.from(packed.subarray(i * 4, i * 4 + 4))).toEqual(streamState(generator, 9, 1000 + i));
      }
    });
  }
});
