/**
 * SplitMix64 (Steele, Lea and Flood, 2014; constants from Vigna's splitmix64.c), used by both
 * generators to turn a user's seed into state. 64-bit arithmetic is done in BigInt: seeding is cold.
 */
const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/** The SplitMix64 mix of one 64-bit value (the output function, without the counter step). */
export function splitmix64Mix(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** The first `count` outputs of SplitMix64 started at `seed`: output i is mix(seed + (i+1)·γ). */
export function splitmix64(seed: bigint, count: number): bigint[] {
  const out: bigint[] = [];
  let x = seed & MASK64;
  for (let i = 0; i < count; i++) {
    x = (x + GOLDEN_GAMMA) & MASK64;
    out.push(splitmix64Mix(x));
  }
  return out;
}
