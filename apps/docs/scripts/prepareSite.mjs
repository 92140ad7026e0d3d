// Generates the parts of the site that come from elsewhere, before VitePress builds or serves it:
//   api/                      the API reference, from the packages' TSDoc (TypeDoc + typedoc-plugin-markdown)
//   .generated/benchmarks.md  the repo's BENCHMARKS.md (made by `pi bench --markdown`), or how to make it
// Both are ignored by git: they are rebuilt from their sources every time, so they cannot drift.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Converter, ReflectionKind } from 'typedoc';

const docsRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(docsRoot, '../..');

/** The library packages whose public face (src/index.ts) the reference documents, in reading order. */
const LIBRARIES = ['core', 'cpu', 'gpu-tf', 'dataframe'];

async function generateApi() {
  const out = join(docsRoot, 'api');
  rmSync(out, { recursive: true, force: true });
  const packages = LIBRARIES.map((dir) => ({
    dir,
    entry: join(repoRoot, 'packages', dir, 'src/index.ts'),
    manifest: join(repoRoot, 'packages', dir, 'package.json'),
  })).filter((p) => existsSync(p.entry) && existsSync(p.manifest));
  const nameOf = new Map(packages.map((p) => [p.entry, JSON.parse(readFileSync(p.manifest, 'utf8')).name]));

  const app = await Application.bootstrapWithPlugins({
    entryPoints: packages.map((p) => p.entry),
    entryPointStrategy: 'resolve',
    tsconfig: join(docsRoot, 'tsconfig.typedoc.json'),
    plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
    out,
    docsRoot,
    readme: 'none',
    // Packages other helpers are still writing may not type-check at every moment; the reference
    // documents what is exported, and each package's own typecheck guards its types.
    skipErrorChecking: true,
    excludePrivate: true,
    excludeInternal: true,
    disableSources: true,
    githubPages: false,
    hideGenerator: true,
    name: 'pi',
    hideBreadcrumbs: true,
    indexFormat: 'table',
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    useCodeBlocks: true,
    excludeScopesInPaths: true,
    sidebar: { autoConfiguration: true, collapsed: true, pretty: true },
    logLevel: 'Warn',
  });
  // Name each module after its package (`@pi/core`), not after its path (`core/src`).
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const source = module.sources?.[0]?.fullFileName;
      const entry = packages.find((p) => source !== undefined && resolve(source) === p.entry);
      if (entry !== undefined) module.name = nameOf.get(entry.entry);
    }
  });
  const project = await app.convert();
  if (project === undefined) throw new Error('TypeDoc could not convert the packages (see the messages above)');
  for (const module of project.getReflectionsByKind(ReflectionKind.Module)) {
    const match = packages.find((p) => module.name.startsWith(p.dir));
    if (match !== undefined) module.name = nameOf.get(match.entry);
  }
  await app.generateOutputs(project);
  writeFileSync(
    join(out, 'index.md'),
    [
      '# API reference',
      '',
      'Generated from the TSDoc comments of each package at build time, so it always matches the code.',
      'Every package is ESM, ships its own types, and runs in Node 20+ and in browsers unless its page says otherwise.',
      '',
      ...(project.children ?? []).map((m) => `- [${m.name}](./${m.name.replace(/^@[^/]+\//, '')}/)`),
      '',
    ].join('\n'),
  );
  console.log(`api: ${packages.map((p) => nameOf.get(p.entry)).join(', ')} → ${relative(repoRoot, out)}`);
}

function generateBenchmarks() {
  const source = join(repoRoot, 'BENCHMARKS.md');
  const target = join(docsRoot, '.generated/benchmarks.md');
  mkdirSync(dirname(target), { recursive: true });
  let text;
  if (existsSync(source)) {
    // The file's own title would repeat the page's; demote its headings one level under the page's.
    text = readFileSync(source, 'utf8')
      .replace(/^# .*\n/m, '')
      .replace(/^(#{1,5}) /gm, '$1# ');
    text = `::: info Measured data\nFrom \`BENCHMARKS.md\` at the root of the repository, as \`pi bench --markdown\` wrote it.\n:::\n\n${text}`;
  } else {
    text = [
      '::: warning No measurements yet',
      'This build found no `BENCHMARKS.md` at the root of the repository, so this page shows no numbers:',
      'it never shows numbers that were not measured. To produce them on your machine:',
      '',
      '```sh',
      'pnpm install',
      'pnpm pi bench --markdown BENCHMARKS.md',
      'pnpm docs:build',
      '```',
      ':::',
      '',
    ].join('\n');
  }
  writeFileSync(target, text);
  console.log(`benchmarks: ${existsSync(source) ? 'from BENCHMARKS.md' : 'no BENCHMARKS.md yet'}`);
}

generateBenchmarks();
await generateApi();
