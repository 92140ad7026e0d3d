/**
 * The inside-circle rules of the contract, one per generator. Every backend decides "inside" exactly
 * as these functions do; SIMD and GPU paths that compute in f32 settle points near the boundary with them.
 */

/** 2^50: (2X+1)² + (2Y+1)² < 2^50 ⇔ the midpoint of the 24-bit cell lies strictly inside the unit circle. */
export const XOSHIRO_INSIDE_LIMIT = 2 ** 50;

/**
 * `xoshiro128p`: X = r1 >>> 8, Y = r2 >>> 8 (24-bit); the point is (X+½, Y+½)·2^-24, inside iff
 * (2X+1)² + (2Y+1)² < 2^50. Each square is below 2^50 and the sum below 2^51, so doubles are exact.
 */
export function insideXoshiro(r1: number, r2: number): boolean {
  const a = 2 * (r1 >>> 8) + 1;
  const b = 2 * (r2 >>> 8) + 1;
  return a * a + b * b < XOSHIRO_INSIDE_LIMIT;
}

/**
 * `numba`: x and y are float32 draws; inside iff f32(f32(x·x) + f32(y·y)) ≤ 1, unfused, as the seed's
 * kernel computes in float32. A product of two float32 is exact in a double, and the double sum of two
 * float32 squares rounds to the same float32 as a float32 add would.
 */
export function insideNumba(x: number, y: number): boolean {
  return Math.fround(Math.fround(x * x) + Math.fround(y * y)) <= 1;
}
