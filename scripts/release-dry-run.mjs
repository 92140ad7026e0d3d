// The release, rehearsed: `changeset version` on a throwaway copy of the repository (its tracked and
// unignored files), then a check that every package a pending changeset names got its new version and a
// CHANGELOG.md entry with that changeset's text, and that no changeset is left. Nothing here is changed.
// Run with `pnpm release:dry-run`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'pi-release-'));
const problems = [];

/** The pending changesets: for each, the packages it names (with their bump) and its text. */
function pendingChangesets(folder) {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => {
      const [, front, body] = readFileSync(join(folder, file), 'utf8').match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
      if (front === undefined) throw new Error(`.changeset/${file} has no front matter`);
      const bumps = Object.fromEntries(
        [...front.matchAll(/^"?([^":]+)"?\s*:\s*(major|minor|patch)\s*$/gm)].map(([, name, bump]) => [name, bump]),
      );
      return { file, bumps, firstLine: body.trim().split('\n')[0] };
    });
}

const RANK = { patch: 0, minor: 1, major: 2 };
/** How big a version change is: 2 for a new major, 1 for a new minor, 0 otherwise. */
function bumpRank(was, now) {
  const [a, b] = [was, now].map((v) => v.split('.').map(Number));
  return a[0] !== b[0] ? 2 : a[1] !== b[1] ? 1 : 0;
}

/** Every workspace package: name, folder, version. */
function workspacePackages(base) {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(base, group))
      .filter((folder) => existsSync(join(base, group, folder, 'package.json')))
      .map((folder) => {
        const manifest = JSON.parse(readFileSync(join(base, group, folder, 'package.json'), 'utf8'));
        return { name: manifest.name, dir: join(group, folder), version: manifest.version, manifest };
      }),
  );
}

try {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  const changesets = pendingChangesets(join(copy, '.changeset'));
  const before = new Map(workspacePackages(copy).map((p) => [p.name, p]));
  if (changesets.length === 0) console.log('release dry run: no pending changesets, nothing to version');

  const changeset = join(root, 'node_modules', '.bin', 'changeset');
  const result = spawnSync(changeset, ['version'], { cwd: copy, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`changeset version failed:\n${result.stdout}${result.stderr}`);

  const after = new Map(workspacePackages(copy).map((p) => [p.name, p]));
  const left = pendingChangesets(join(copy, '.changeset'));
  if (left.length > 0) problems.push(`changesets left after versioning: ${left.map((c) => c.file).join(', ')}`);
  const named = new Set(changesets.flatMap((c) => Object.keys(c.bumps)));
  for (const name of [...named].sort()) {
    const was = before.get(name);
    const now = after.get(name);
    if (was === undefined || now === undefined) {
      problems.push(`${name}: named by a changeset but not a workspace package`);
      continue;
    }
    const changelogFile = join(copy, now.dir, 'CHANGELOG.md');
    const changelog = existsSync(changelogFile) ? readFileSync(changelogFile, 'utf8') : '';
    const entries = changesets.filter((c) => name in c.bumps);
    const missing = entries.filter((c) => !changelog.includes(c.firstLine));
    if (now.version === was.version) problems.push(`${name}: version stayed ${was.version}`);
    // A bump larger than any changeset asked for (say, a peer dependent forced to a new major) is a surprise.
    const asked = Math.max(...entries.map((c) => RANK[c.bumps[name]]));
    const made = bumpRank(was.version, now.version);
    if (made > asked) problems.push(`${name}: ${was.version} → ${now.version} is a larger bump than its changesets ask for`);
    if (!changelog.startsWith(`# ${name}\n`) || !changelog.includes(`## ${now.version}`))
      problems.push(`${name}: CHANGELOG.md has no ${now.version} section`);
    if (missing.length > 0) problems.push(`${name}: CHANGELOG.md lacks ${missing.map((c) => c.file).join(', ')}`);
    console.log(
      `${name.padEnd(15)} ${was.version} → ${now.version}  CHANGELOG.md: ${entries.length - missing.length}/${entries.length} changesets`,
    );
  }
  // Internal ranges follow the new versions (pnpm pack turns workspace: ranges into them at publish).
  for (const p of after.values()) {
    for (const field of ['dependencies', 'peerDependencies']) {
      for (const [dep, range] of Object.entries(p.manifest[field] ?? {})) {
        if (after.has(dep) && !String(range).startsWith('workspace:'))
          problems.push(`${p.name}: ${field}.${dep} is ${range}, not a workspace: range`);
      }
    }
  }
} catch (error) {
  problems.push(error.message);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
for (const problem of problems) console.error(`FAILED ${problem}`);
console.log(problems.length === 0 ? 'release dry run: changeset version passes' : `release dry run: ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
