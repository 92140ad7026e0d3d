// Cold and warm: the first call pays for V8's tiers climbing (interpreter,
// baseline, optimizing compiler); later calls run the optimized code. Time
// both, and report the warm median.
import { estimateLoop } from '@pi/cpu';

async function timeOnce(): Promise<number> {
  const started = performance.now();
  await estimateLoop({ samples: 2_000_000, seed: 3 });
  return performance.now() - started;
}

const cold = await timeOnce();
const warm: number[] = [];
for (let i = 0; i < 5; i++) warm.push(await timeOnce());
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)]!;

const ms = (t: number) => `${t.toFixed(1)} ms`;
console.log(`cold ${ms(cold)}, warm median ${ms(median)}`);
