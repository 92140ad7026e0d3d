// The seed's GPU plan, on the CPU: I = 64 groups of N = 500 points with
// numba's generator and seed 1234. numba's CUDA simulator counts 25,183
// points inside for this plan.
import { estimateLoop } from '@pi/cpu';

const result = await estimateLoop({
  generator: 'numba',
  groups: { pointsPerGroup: 500, groups: 64 },
  seed: 1234,
});

console.log(`inside: ${result.inside}`); // 25183, as numba counts it
const halfWidth = 1.96 * result.standardError;
console.log(
  `mean of the 64 group estimates: ${result.pi.toFixed(4)}` +
    ` ± ${halfWidth.toFixed(4)}`,
);
