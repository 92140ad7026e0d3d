// Estimate π on one core with the seeded loop: the reference every other
// backend must equal.
import { estimateLoop } from '@pi/cpu';

const result = await estimateLoop({ samples: 1_000_000, seed: 42 });
const { pi, standardError, ci, inside, samples } = result;

const halfWidth = 1.96 * standardError;
console.log(`π ≈ ${pi.toFixed(5)} ± ${halfWidth.toFixed(5)}`);
console.log(`95% interval [${ci.lower.toFixed(5)}, ${ci.upper.toFixed(5)}]`);
console.log(`${inside} of ${samples} points inside`);
console.log(`${result.samplesPerSecond.toExponential(2)} samples/s`);
