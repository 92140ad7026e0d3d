import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One config for the repository: a project per package, named after it. `pnpm test` (turbo) runs each
// package's `vitest run --project <name>` from its own folder, one package at a time; `vitest run` here
// runs them all, and `vitest run --project @pi/cpu src/loop.test.ts` one file.
const repository = fileURLToPath(new URL('.', import.meta.url));

// Tests sit beside the code (`src/**`) or in a package's `test/` folder.
const include = ['src/**/*.test.ts', 'test/**/*.test.ts'];

// SwiftShader runs shaders and headless Chromium on the CPU: those projects get generous timeouts, and
// their files run one at a time so two Dawn instances or browsers do not fight over the cores.
const oneFileAtATime = { testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false };

const packages: ReadonlyArray<readonly [name: string, folder: string, options?: object]> = [
  ['@pi/core', 'packages/core'],
  ['@pi/cpu', 'packages/cpu'],
  ['@pi/gpu-tf', 'packages/gpu-tf', oneFileAtATime],
  ['@pi/dataframe', 'packages/dataframe'],
  ['@pi/cli', 'packages/cli'],
  ['@pi/docs', 'apps/docs', { ...oneFileAtATime, testTimeout: 120_000, hookTimeout: 120_000 }],
];

export default defineConfig({
  test: {
    projects: packages.map(([name, folder, options]) => ({
      test: { name, root: `${repository}${folder}`, include, ...options },
    })),
  },
});
