// The contract by hand: stream 0 of seed 7 draws two 32-bit words per
// point, x first, and the exact inside rule decides. A plan of 1,000 points
// is one block, so it is stream 0 alone.
import { insideXoshiro, xoshiro128p } from '@pi/core';
import { estimateLoop } from '@pi/cpu';

const generator = xoshiro128p(7);
let inside = 0;
for (let i = 0; i < 1_000; i++) {
  const r1 = generator.next();
  const r2 = generator.next();
  if (insideXoshiro(r1, r2)) inside++;
}

const loop = await estimateLoop({ samples: 1_000, seed: 7 });
const equal = inside === loop.inside;
console.log(`by hand: ${inside}, loop: ${loop.inside}, equal: ${equal}`);
