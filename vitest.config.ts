import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One config for the repository: a project per workspace package (every packages/* and apps/* with a
// package.json), named after it. `pnpm test` (turbo) runs each package's `vitest run --project <name>` from
// its own folder, one package at a time; `vitest run` here runs them all.
const repository = fileURLToPath(new URL('.', import.meta.url));

// Tests sit beside the code (`src/**`) or in a package's `test/` folder.
const include = ['src/**/*.test.ts', 'test/**/*.test.ts'];

// SwiftShader runs shaders and headless Chromium on the CPU: those projects get generous timeouts, and
// their files run one at a time so two Dawn instances or browsers do not fight over the cores.
const oneFileAtATime = { testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false };
const options: Record<string, object> = {
  '@pi/gpu-tf': oneFileAtATime,
  '@pi/docs': { ...oneFileAtATime, testTimeout: 120_000, hookTimeout: 120_000 },
  // Building the archive (Node 24 from the registry, bundling, xz -9) takes minutes on a shared machine.
  '@pi/portable': { testTimeout: 300_000, hookTimeout: 1_200_000 },
};

const folders = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(repository, group))
    .map((name) => join(repository, group, name))
    .filter((folder) => existsSync(join(folder, 'package.json'))),
);

export default defineConfig({
  test: {
    projects: folders.map((root) => {
      const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
      return { test: { name, root, include, ...options[name] } };
    }),
  },
});
