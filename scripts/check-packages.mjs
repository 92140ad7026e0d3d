// Checks every publishable package as it would be published: packs it with `pnpm pack` (which writes the
// real versions in place of workspace: ranges), then runs publint --strict and Are the Types Wrong on the
// tarball. The packages are ESM only, so attw uses its esm-only profile (CommonJS `require` of an ESM
// package is not a supported way in), and checks that the README and LICENSE are in it. Run after
// `pnpm build`: `pnpm check:packages`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const out = mkdtempSync(join(tmpdir(), 'pi-packages-'));
const failures = [];

const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.trim() };
};

try {
  for (const folder of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (manifest.private === true) continue;
    if (!existsSync(join(dir, 'dist'))) {
      failures.push(`${manifest.name}: not built (run pnpm build first)`);
      continue;
    }
    const packed = run('pnpm', ['pack', '--pack-destination', out], dir);
    const tarball = join(out, `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`);
    if (!packed.ok || !existsSync(tarball)) {
      failures.push(`${manifest.name}: pnpm pack failed\n${packed.output}`);
      continue;
    }
    // What every published package carries beside its code: the README (its page on npm) and the licence text
    // (pnpm pack takes the repository's LICENSE for a package without one).
    const listing = run('tar', ['-tzf', tarball], root).output.split('\n');
    for (const file of ['package/README.md', 'package/LICENSE']) {
      const ok = listing.includes(file);
      console.log(`${ok ? 'ok    ' : 'FAILED'} ${'files'.padEnd(8)} ${manifest.name} ${file.slice('package/'.length)}`);
      if (!ok) failures.push(`${manifest.name}: the tarball has no ${file.slice('package/'.length)}`);
    }
    for (const [tool, command, args] of [
      ['publint', bin('publint'), ['run', '--strict', tarball]],
      ['attw', bin('attw'), ['--profile', 'esm-only', '--no-color', '--format', 'table-flipped', tarball]],
    ]) {
      const result = run(command, args, root);
      console.log(`${result.ok ? 'ok    ' : 'FAILED'} ${tool.padEnd(8)} ${manifest.name}`);
      if (!result.ok) failures.push(`${tool} ${manifest.name}:\n${result.output}`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
for (const failure of failures) console.error(`\n${failure}`);
console.log(failures.length === 0 ? 'packages: publint and attw pass for every package' : `packages: ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
