// Ask for a precision instead of a sample count: the half-width of the 95%
// interval picks the number of points.
import { samplesForPrecision } from '@pi/core';
import { estimateLoop } from '@pi/cpu';

console.log(`±1e-3 needs ${samplesForPrecision(1e-3)} points`);
const result = await estimateLoop({ precision: 1e-3, seed: 5 });
const halfWidth = result.ci.upper - result.pi;
console.log(`π ≈ ${result.pi.toFixed(4)}`);
console.log(`half-width ${halfWidth.toExponential(2)}`);
