// A user's install, tested: every publishable package packed with `pnpm pack` (as it would be published),
// installed into empty projects from the npm registry alone, and used the way its README says.
//
//   - The CLI tarball (with the @pi packages it depends on, which are not on the registry) installed
//     globally into a temporary prefix, without @pi/dataframe: `pi info`, the README's `pi estimate`, and
//     `pi dataframe`, which must exit 3 and say how to add it. Nothing of danfo may be installed.
//   - An npm project with every tarball and @pi/dataframe's README overrides: each package README's
//     TypeScript examples (type-checked with tsc --strict; transpiled and run with node) and `npx pi dataframe`.
//   - pnpm, yarn 1 and yarn 4 projects with @pi/dataframe and that README's overrides for each.
//
// Run with `pnpm test:install` (node --test) after `pnpm build`; it needs the network to the npm registry.
// The @pi packages are not on the registry, so the test points their names at the tarballs: npm finds
// them among the project's own dependencies; pnpm and yarn get one more override. Those lines are the
// test's; every other line of the overrides comes from the README.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pi-install-'));
const tarballs = join(work, 'tarballs');
const keep = process.env.PI_KEEP_INSTALL_TEST === '1';
after(() => (keep ? console.log(`# kept ${work}`) : rmSync(work, { recursive: true, force: true })));

/** The environment of a user's shell: none of the npm_config_* and pnpm variables `pnpm run` adds. */
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|PNPM_|npm_config_|INIT_CWD$|COREPACK_)/i.test(key)),
);
Object.assign(userEnv, { npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' });

/** Runs a command; returns its exit status and output, or throws with the output when it must succeed. */
function run(command, args, { cwd, env = {}, timeout = 600_000, check = true } = {}) {
  const result = spawnSync(command, args, { cwd, env: { ...userEnv, ...env }, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  const out = { status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  if (check && (result.error !== undefined || result.status !== 0)) {
    const tail = `${out.stdout}\n${out.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed: ${result.error?.message ?? `exit ${result.status ?? result.signal}`}\n${tail}`,
    );
  }
  return out;
}

/** The publishable packages: every packages/* that is not private. */
const packages = readdirSync(join(root, 'packages'))
  .map((folder) => ({
    folder: join(root, 'packages', folder),
    manifest: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => manifest.private !== true)
  .map(({ folder, manifest }) => ({
    folder,
    name: manifest.name,
    tarball: join(tarballs, `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`),
  }));
const tarballOf = (name) => packages.find((p) => p.name === name).tarball;

/** The fenced code blocks of a Markdown file, with their language. */
function codeBlocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)].map(([, lang, code]) => ({ lang, code }));
}

/** The block of @pi/dataframe's README for a package manager: the one of `lang` that holds `key`. */
const dataframeReadme = readFileSync(join(root, 'packages/dataframe/README.md'), 'utf8');
function readmeOverrides(lang, key) {
  const block = codeBlocks(dataframeReadme).find((b) => b.lang === lang && b.code.includes(key));
  assert.ok(block, `packages/dataframe/README.md has a ${lang} block with ${key}`);
  return block.code;
}

/** Transpiles a README's TypeScript example to a module node runs as is. */
const typescript = createRequire(join(root, 'package.json'))('typescript');
const toJavaScript = (code) =>
  typescript.transpileModule(code, { compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2022 } })
    .outputText;

/** What a project installed for danfo, and the π it computes, read by a script run inside the project. */
const CHECK_DATAFRAME = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimatePi, fillDataFrame2 } from '@pi/dataframe';
// The installed package a module resolves to: the nearest package.json with a name, above its entry file.
function installed(from, name) {
  let dir = dirname(createRequire(from).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    try { const json = JSON.parse(readFileSync(file, 'utf8')); if (json.name && json.version) return { file, json }; } catch {}
    dir = dirname(dir);
  }
}
const dataframe = fileURLToPath(import.meta.resolve('@pi/dataframe'));
const danfo = installed(dataframe, 'danfojs-node');
const tfjsNode = installed(danfo.file, '@tensorflow/tfjs-node').json;
const xlsx = installed(danfo.file, 'xlsx').json;
const { result } = estimatePi(fillDataFrame2(1000, 4, { seed: 1 }));
console.log(JSON.stringify({ inside: result.inside, groupCounts: result.groupCounts, tfjsNode: { name: tfjsNode.name, version: tfjsNode.version }, xlsx: xlsx.version }));
`;

/** The loop's answer for the check above (groups 1000 × 4, seed 1), from the workspace's own build. */
let expected;

function checkDataframeProject(cwd, command = 'node', args = []) {
  writeFileSync(join(cwd, 'check-dataframe.mjs'), CHECK_DATAFRAME);
  const report = JSON.parse(
    run(command, [...args, 'check-dataframe.mjs'], { cwd })
      .stdout.trim()
      .split('\n')
      .at(-1),
  );
  assert.deepEqual(report.tfjsNode, { name: '@tensorflow/tfjs', version: '4.22.0' }, 'pure-JS tfjs stands in for tfjs-node');
  assert.equal(report.xlsx, '0.18.5', 'xlsx comes from the registry');
  assert.equal(report.inside, expected.inside);
  assert.deepEqual(report.groupCounts, expected.groupCounts);
}

before(() => {
  for (const p of packages) {
    assert.ok(existsSync(join(p.folder, 'dist')), `${p.name} is built (run pnpm build first)`);
  }
  mkdirSync(tarballs, { recursive: true });
  for (const p of packages) run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: p.folder });
  const loop = run(process.execPath, [
    join(root, 'packages/cli/dist/bin.js'),
    'estimate',
    '--backend',
    'loop',
    '--groups',
    '1000x4',
    '--seed',
    '1',
    '--json',
  ]);
  expected = JSON.parse(loop.stdout);
});

test('pnpm pack made a tarball of every publishable package', () => {
  assert.deepEqual(packages.map((p) => p.name).sort(), ['@pi/cli', '@pi/core', '@pi/cpu', '@pi/dataframe', '@pi/gpu-tf']);
  for (const p of packages) assert.ok(existsSync(p.tarball), p.tarball);
});

describe('the CLI installed globally (npm i -g into a temporary prefix), without @pi/dataframe', () => {
  const prefix = join(work, 'global');
  const pi = (...args) => run(join(prefix, 'bin', 'pi'), args, { cwd: work, check: false });

  before(() => {
    const names = ['@pi/core', '@pi/cpu', '@pi/gpu-tf', '@pi/cli'];
    run('npm', ['install', '--global', '--prefix', prefix, ...names.map(tarballOf)], { cwd: work });
  });

  test('nothing of danfo or tfjs-node is installed', () => {
    const listing = run('npm', ['ls', '--global', '--prefix', prefix, '--all', '--parseable'], { cwd: work, check: false }).stdout;
    assert.match(listing, /@pi\/cli/);
    assert.doesNotMatch(listing, /danfojs-node|tfjs-node|@pi\/dataframe/);
  });

  test('pi info exits 0 and lists the backends', () => {
    const r = pi('info');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /backends/);
    assert.match(r.stdout, /loop/);
  });

  test("pi estimate (the README's example) exits 0 with the same count as the workspace's build", () => {
    const cliReadme = readFileSync(join(root, 'packages/cli/README.md'), 'utf8');
    const line = codeBlocks(cliReadme)
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.code.split('\n'))
      .find((l) => l.startsWith('pi estimate '));
    assert.ok(line, 'packages/cli/README.md shows a pi estimate line');
    const args = [...line.split(/\s+/).slice(1), '--json'];
    const r = pi(...args);
    assert.equal(r.status, 0, r.stderr);
    const here = JSON.parse(run(process.execPath, [join(root, 'packages/cli/dist/bin.js'), ...args]).stdout);
    const there = JSON.parse(r.stdout);
    assert.equal(there.inside, here.inside);
    assert.equal(there.samples, here.samples);
  });

  test('pi dataframe exits 3 with one line that says how to add @pi/dataframe', () => {
    const r = pi('dataframe', '--rows', '100', '--cols', '2');
    assert.equal(r.status, 3);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trimEnd().split('\n').length, 1);
    assert.match(r.stderr, /@pi\/dataframe is not installed/);
    assert.match(r.stderr, /npm i @pi\/cli @pi\/dataframe, then npx pi dataframe/);
  });
});

describe("an npm project with every package and @pi/dataframe's README overrides for npm", () => {
  const project = join(work, 'npm');

  before(() => {
    mkdirSync(project);
    const { overrides } = JSON.parse(readmeOverrides('json', '"overrides"'));
    const dependencies = Object.fromEntries(packages.map((p) => [p.name, `file:${p.tarball}`]));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user', private: true, type: 'module', dependencies, overrides }, null, 2),
    );
    run('npm', ['install'], { cwd: project });
  });

  test('danfo gets pure-JS tfjs and the registry xlsx; fillDataFrame2 counts what the loop counts', () => checkDataframeProject(project));

  for (const p of packages) {
    const readme = readFileSync(join(p.folder, 'README.md'), 'utf8');
    codeBlocks(readme)
      .filter((b) => b.lang === 'ts')
      .forEach((block, i) => {
        const browserOnly = /from '@pi\/[\w-]+\/browser'/.test(block.code);
        const options = browserOnly ? { skip: 'browser entry: needs navigator.gpu (the browser tests cover it)' } : {};
        test(`${p.name} README example ${i + 1} runs`, options, () => {
          const file = join(project, `readme-${p.name.replace(/\W/g, '-')}-${i + 1}.mjs`);
          writeFileSync(file, toJavaScript(block.code));
          run(process.execPath, [file], { cwd: project });
        });
      });
  }

  test('every README TypeScript example type-checks against the installed packages (tsc --strict, nodenext)', () => {
    // Browser examples too: the packages' types bring WebGPU's. TypeScript and @types/node are the
    // workspace's (a user brings their own); the @pi types are the installed tarballs'.
    const folder = join(project, 'typecheck');
    mkdirSync(folder);
    const files = packages.flatMap((p) =>
      codeBlocks(readFileSync(join(p.folder, 'README.md'), 'utf8'))
        .filter((b) => b.lang === 'ts')
        .map((block, i) => {
          const file = join(folder, `${p.name.replace(/\W/g, '-')}-${i + 1}.mts`);
          writeFileSync(file, block.code);
          return file;
        }),
    );
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    const options = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'];
    const environment = ['--lib', 'es2022,dom', '--types', 'node', '--typeRoots', join(root, 'node_modules', '@types'), '--skipLibCheck'];
    run(tsc, [...options, ...environment, ...files], { cwd: project });
  });

  test('npx pi dataframe exits 0 with the per-column counts of the loop', () => {
    const r = run('npx', ['--no-install', 'pi', 'dataframe', '--rows', '1000', '--cols', '4', '--seed', '1', '--json'], { cwd: project });
    const json = JSON.parse(r.stdout);
    assert.equal(json.status, 'completed');
    assert.deepEqual(json.groupCounts, expected.groupCounts);
  });
});

/** An empty project folder whose package.json asks for @pi/dataframe (and `fields` besides). */
function dataframeProject(name, fields = {}) {
  const project = join(work, name);
  mkdirSync(project);
  const dependencies = { '@pi/dataframe': `file:${tarballOf('@pi/dataframe')}` };
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module', dependencies, ...fields }));
  return project;
}

test("a pnpm project with @pi/dataframe and the README's pnpm-workspace.yaml", () => {
  const project = dataframeProject('pnpm');
  const yaml = readmeOverrides('yaml', 'overrides:');
  const ours = ['@pi/core', '@pi/cpu'].map((name) => `  "${name}": "file:${tarballOf(name)}"\n`).join('');
  assert.match(yaml, /^overrides:\n/m);
  writeFileSync(join(project, 'pnpm-workspace.yaml'), yaml.replace(/^overrides:\n/m, `overrides:\n${ours}`));
  run('pnpm', ['install'], { cwd: project });
  checkDataframeProject(project);
});

for (const [label, yarn] of [
  ['yarn 1', ['-y', 'yarn@1.22.22', 'install']],
  // A first install writes the lockfile; yarn 4 forbids that by default where it detects CI.
  ['yarn 4 (nodeLinker: node-modules)', ['-y', '-p', '@yarnpkg/cli-dist@4.18.1', 'yarn', 'install', '--no-immutable']],
]) {
  test(`a ${label} project with @pi/dataframe and the README's resolutions`, () => {
    const { resolutions } = JSON.parse(readmeOverrides('json', '"resolutions"'));
    for (const name of ['@pi/core', '@pi/cpu']) resolutions[name] = `file:${tarballOf(name)}`;
    const project = dataframeProject(label.replace(/\W+/g, '-'), { resolutions });
    writeFileSync(join(project, 'yarn.lock'), '');
    writeFileSync(join(project, '.yarnrc.yml'), 'nodeLinker: node-modules\nenableTelemetry: false\n');
    // A cache of this run's own: yarn 1 keys local tarballs by name and version, so a cache kept from an earlier
    // build of the same version would install stale files.
    run('npx', yarn, { cwd: project, env: { YARN_CACHE_FOLDER: join(work, 'yarn-cache'), YARN_ENABLE_GLOBAL_CACHE: 'false' } });
    checkDataframeProject(project);
  });
}
