import { defineConfig } from 'tsup';

export default defineConfig({
  // `internal` is the executors' shared machinery, apart from the public API; chunks keep one copy of each module.
  entry: ['src/index.ts', 'src/internal.ts'],
  format: ['esm'],
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
