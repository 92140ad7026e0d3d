// Benchmark of @pi/gpu-tf: the fused WGSL kernel vs tfjs tensors on the same WebGPU adapter, cold (device,
// shader compile, tfjs backend init) and warm, in G samples/s. Sizes: the seed's 50,000 × 50,000 groups
// (2.5e9, numba generator, as compute_pi_on_gpu) and 1e11 samples (xoshiro128p). A software adapter
// (SwiftShader: the CPU) gets smaller sizes unless --full, and is labelled software in every line.
//
//   pnpm --filter @pi/gpu-tf bench            # sizes chosen by the adapter
//   pnpm --filter @pi/gpu-tf bench -- --quick # small sizes anywhere
//   pnpm --filter @pi/gpu-tf bench -- --full  # the real sizes, even on SwiftShader (hours)
import { resolveEstimateOptions } from '@pi/core';
import { kernelEstimator, openNodeGpu, tensorsEstimator } from '../dist/index.js';

const args = new Set(process.argv.slice(2));
const gpu = await openNodeGpu();
const quick = args.has('--quick') || (gpu.summary.software && !args.has('--full'));
const label = `${gpu.summary.name}${gpu.summary.software ? ' [SOFTWARE: CPU, not GPU speed]' : ''}`;

const sizes = quick
  ? [
      {
        name: "groups 5,000 × 5,000 (seed's shape, 1/100)",
        options: { groups: { pointsPerGroup: 5_000, groups: 5_000 }, generator: 'numba', seed: 20220116 },
        tensorsSamples: 2 ** 22,
      },
      { name: 'samples 1e8 (xoshiro128p)', options: { samples: 1e8, seed: 1 }, tensorsSamples: 2 ** 22 },
    ]
  : [
      {
        name: "groups 50,000 × 50,000 (the seed's 2.5e9)",
        options: { groups: { pointsPerGroup: 50_000, groups: 50_000 }, generator: 'numba', seed: 20220116 },
        tensorsSamples: 2.5e9,
      },
      { name: 'samples 1e11 (xoshiro128p)', options: { samples: 1e11, seed: 1 }, tensorsSamples: 1e11 },
    ];

const g = (r) => (r.samples / r.seconds / 1e9).toPrecision(3);
console.log(`adapter: ${label}`);
console.log(`node ${process.version}; sizes: ${quick ? 'quick' : 'full'}`);
console.log('method   size                                          cold G/s   warm G/s   warm s     inside');

for (const size of sizes) {
  const resolved = resolveEstimateOptions(size.options);
  const kernel = kernelEstimator();
  const cold = await kernel.run(resolved);
  const warm = await kernel.run(resolved);
  await kernel.dispose();
  console.log(
    `kernel   ${size.name.padEnd(46)}${g(cold).padStart(8)}   ${g(warm).padStart(8)}   ${warm.seconds.toFixed(2).padStart(7)}   ${warm.inside}`,
  );

  // tfjs tensors on the same adapter: tf.randomUniform draws on the CPU and uploads, so it gets fewer samples.
  const tensorsResolved = resolveEstimateOptions({ samples: size.tensorsSamples });
  const tensors = tensorsEstimator({ tfBackend: 'webgpu' });
  const tCold = await tensors.run(tensorsResolved);
  const tWarm = await tensors.run(tensorsResolved);
  console.log(
    `tensors  ${`samples ${size.tensorsSamples.toExponential(2)} (tf.randomUniform)`.padEnd(46)}${g(tCold).padStart(8)}   ${g(tWarm).padStart(8)}   ${tWarm.seconds.toFixed(2).padStart(7)}   ${tWarm.inside}`,
  );
  console.log(
    `ratio    kernel / tensors, warm: ${(warm.samples / warm.seconds / (tWarm.samples / tWarm.seconds)).toFixed(1)}×  (${label})`,
  );
}
gpu.device.destroy();
process.exit(0);
