import { defineConfig } from 'tsup';

// Two entries: `index` for Node (may load Dawn, lazily), `browser` with no Node-only import at all.
export default defineConfig({
  entry: ['src/index.ts', 'src/browser.ts'],
  format: ['esm'],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
