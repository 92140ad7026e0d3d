// Ask for a precision instead of a sample count: the half-width of the 95% interval picks S.
import { samplesForPrecision } from '@pi/core';
import { estimateLoop } from '@pi/cpu';

console.log(`±1e-3 needs ${samplesForPrecision(1e-3)} points`);
const result = await estimateLoop({ precision: 1e-3, seed: 5 });
console.log(`π ≈ ${result.pi.toFixed(4)}, half-width ${(result.ci.upper - result.pi).toExponential(2)}`);
