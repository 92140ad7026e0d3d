// Long runs report progress and stop on request; a stopped run keeps
// every complete block it counted.
import { estimateLoop } from '@pi/cpu';

const controller = new AbortController();
setTimeout(() => controller.abort(), 50);

const result = await estimateLoop({
  samples: 10_000_000_000,
  seed: 1,
  signal: controller.signal,
  onProgress: (p) => console.log(`${p.samplesDone} of ${p.samplesTotal}`),
});

const { status, pi, samples } = result;
console.log(`${status}: π ≈ ${pi.toFixed(4)} from ${samples} points`);
