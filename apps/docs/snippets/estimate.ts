// Estimate π on one core with the seeded loop: the reference every other backend must equal.
import { estimateLoop } from '@pi/cpu';

const result = await estimateLoop({ samples: 1_000_000, seed: 42 });

console.log(`π ≈ ${result.pi.toFixed(5)} ± ${(1.96 * result.standardError).toFixed(5)}`);
console.log(`95% interval [${result.ci.lower.toFixed(5)}, ${result.ci.upper.toFixed(5)}]`);
console.log(`${result.inside} of ${result.samples} points inside, ${result.samplesPerSecond.toExponential(2)} samples/s`);
