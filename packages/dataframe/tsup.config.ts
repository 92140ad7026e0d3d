import { defineConfig } from 'tsup';

export default defineConfig({
  // tableSize has its own entry so the CLI can check --rows × --cols before it loads danfo.
  entry: ['src/index.ts', 'src/tableSize.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
