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

/** Bundles one sample to plain JavaScript (its @pi imports stay imports of the built packages) and runs it. */
async function runSnippet(docsRoot, name, scratch) {
  const outfile = join(scratch, `${name}.mjs`);
  await build({
    entryPoints: [join(docsRoot, 'snippets', `${name}.ts`)],
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
    throw new Error(`snippets/${name}.ts failed when run for the page:\n${e.stderr ?? e.message}`);
  }
}

/** Runs every sample and writes what each printed under .generated/output. */
export async function captureSnippetOutput(docsRoot) {
  const out = join(docsRoot, '.generated/output');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Inside the app's node_modules, so the bundles' @pi imports resolve as the samples' do.
  const scratch = join(docsRoot, 'node_modules/.pi-snippets');
  mkdirSync(scratch, { recursive: true });
  const names = readdirSync(join(docsRoot, 'snippets'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  try {
    // One at a time: several print timings, which a busy neighbour would distort.
    for (const name of names) {
      const started = performance.now();
      writeFileSync(join(out, `${name}.txt`), `${await runSnippet(docsRoot, name, scratch)}\n`);
      console.log(`snippet ${name}: ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
