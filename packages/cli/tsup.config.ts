import { defineConfig } from 'tsup';

// Commands are split into their own chunks and imported on demand, so `pi --help` and CPU runs never
// load tfjs, danfo or Dawn. Workspace packages stay external: they are dependencies, not copies.
export default defineConfig({
  entry: ['src/bin.ts', 'src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
