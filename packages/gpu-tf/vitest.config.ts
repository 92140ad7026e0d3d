import { defineConfig } from 'vitest/config';

// SwiftShader runs shaders on the CPU: kernels get generous timeouts, and files run one at a time so
// two Dawn instances do not fight over the two cores.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
