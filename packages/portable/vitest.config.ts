import { defineConfig } from 'vitest/config';

// Building the archive (Node 24 from the registry, bundling, xz -9) takes minutes on a shared machine.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 1_200_000 },
});
