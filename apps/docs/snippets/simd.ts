// The seeded loop and its WebAssembly SIMD twin on the same plan: the same
// count, bit for bit, at different speeds. Each is called once to warm up,
// then timed.
import { estimateLoop, estimateSimd } from '@pi/cpu';

const options = { samples: 20_000_000, seed: 8 };
for (const [name, estimate] of [
  ['loop', estimateLoop],
  ['simd', estimateSimd],
] as const) {
  await estimate({ samples: 1_000_000, seed: 1 }); // warm up
  const { inside, samplesPerSecond } = await estimate(options);
  const rate = (samplesPerSecond / 1e6).toFixed(0);
  console.log(`${name}: ${inside} inside, ${rate} M samples/s`);
}
