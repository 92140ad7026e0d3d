// Runs every code sample in snippets/ the way a reader would (a Node process of its own, against the
// built packages) and keeps what it printed in .generated/output/<name>.txt. The pages show that text
// beneath the code (see .vitepress/snippetOutput.ts), so each sample's output is the one this build saw.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);

/** A sample that has not printed within this long is broken: the build stops rather than hang. */
const TIMEOUT_MS = 120_000;

/**
 * Bundles a TypeScript program to plain JavaScript (its @pi imports stay imports of the built packages,
 * resolved from the docs app) and runs it in a Node process of its own; returns what it printed.
 */
export async function runTypeScript(docsRoot, entry, label = entry) {
  // Inside the app's node_modules, so the bundle's @pi imports resolve as the source's do.
  const scratch = join(docsRoot, 'node_modules/.pi-snippets');
  mkdirSync(scratch, { recursive: true });
  const outfile = join(scratch, `${label.replace(/[^\w-]/g, '_')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  try {
    const { stdout } = await run(process.execPath, [outfile], {
      cwd: docsRoot,
      timeout: TIMEOUT_MS,
      maxBuffer: 1 << 20,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return stdout.replace(/\s+$/, '');
  } catch (e) {
    throw new Error(`${label} failed when run:\n${e.stderr ?? e.message}`);
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Runs every sample and writes what each printed under .generated/output. */
export async function captureSnippetOutput(docsRoot) {
  const out = join(docsRoot, '.generated/output');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const names = readdirSync(join(docsRoot, 'snippets'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  // One at a time: several print timings, which a busy neighbour would distort.
  for (const name of names) {
    const started = performance.now();
    const printed = await runTypeScript(docsRoot, join(docsRoot, 'snippets', `${name}.ts`), `snippets/${name}.ts`);
    writeFileSync(join(out, `${name}.txt`), `${printed}\n`);
    console.log(`snippet ${name}: ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
