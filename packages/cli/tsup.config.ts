import { defineConfig } from 'tsup';

// Commands are split into their own chunks and imported on demand, so `pi --help` and CPU runs never
// load tfjs, danfo or Dawn. Workspace packages stay external: they are dependencies, not copies. The
// vectorized DataFrame fill runs in a worker thread, whose script is its own entry (dist/dataframeWorker.js).
export default defineConfig({
  entry: ['src/bin.ts', 'src/index.ts', 'src/dataframeWorker.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
