// Shards of a plan cover every stream once, so their counts add up to the
// whole plan's, bit for bit. This is what lets a plan run on threads, on a
// GPU, or on many machines and still give one answer.
import { estimateLoop } from '@pi/cpu';

const options = { samples: 3_000_000, seed: 2024 };
const whole = await estimateLoop(options);

let inside = 0;
for (let index = 0; index < 3; index++) {
  const shard = { index, count: 3 };
  const part = await estimateLoop({ ...options, shard });
  inside += part.inside;
}

const equal = whole.inside === inside;
console.log(`whole plan: ${whole.inside}, three shards: ${inside}`);
console.log(`equal: ${equal}`);
