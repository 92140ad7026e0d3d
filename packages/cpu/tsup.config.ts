import { defineConfig } from 'tsup';

export default defineConfig({
  // workerMain is its own entry: the pool loads dist/workerMain.js by URL, in Node and in browsers.
  entry: ['src/index.ts', 'src/workerMain.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
