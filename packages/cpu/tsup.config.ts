import { defineConfig } from 'tsup';

export default defineConfig({
  // workerMain is its own entry: the pool loads dist/workerMain.js by URL, in Node and in browsers.
  // `internal` holds the SIMD kernels' driver for benchmarks, apart from the public API.
  entry: ['src/index.ts', 'src/workerMain.ts', 'src/internal.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
