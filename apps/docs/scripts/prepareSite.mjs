// Generates the parts of the site that come from elsewhere, before VitePress builds or serves it:
//   api/                      the API reference, from the packages' TSDoc (TypeDoc + typedoc-plugin-markdown)
//   .generated/benchmarks.md  the repo's BENCHMARKS.md (made by `pi bench --markdown`) as page-wide
//                             tables, or how to make it
//   .generated/output/        what each code sample in snippets/ prints, run here (snippetOutput.mjs)
//   .generated/wgsl/          the WGSL the pages show, taken from @pi/gpu-tf's exports (never a copy)
//   public/figures/           the figures, drawn from measured data (figures.mjs)
// All are ignored by git: they are rebuilt from their sources every time, so they cannot drift.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCREMENT_BY_ONE_WGSL, numbaWgsl, piKernelWgsl, xoshiro128pWgsl } from '@pi/gpu-tf/browser';
import { Application, Converter, IntrinsicType, LiteralType, ReflectionKind } from 'typedoc';
import { experimentTable, parseBenchMarkdown } from './benchmarks.mjs';
import { drawFigures } from './figures.mjs';
import { captureSnippetOutput } from './snippetOutput.mjs';

const docsRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(docsRoot, '../..');

/** The library packages whose public face (src/index.ts) the reference documents, in reading order. */
const LIBRARIES = ['core', 'cpu', 'gpu-tf', 'dataframe'];

/**
 * A package README's opening (its first paragraphs), `## Install` and `## Example` sections, for the top
 * of the package's API page: the one text, not a second one written for the reference.
 */
function readmeIntro(dir) {
  const text = readFileSync(join(repoRoot, 'packages', dir, 'README.md'), 'utf8');
  const [opening, ...sections] = text.split(/^## /m);
  const intro = opening.replace(/^# .*\n/, '').trim();
  const wanted = sections.filter((s) => /^(Install|Example)\b/.test(s)).map((s) => `## ${s.trim()}`);
  // Links into the repository are relative to the README; on the site they point at the repository.
  return [intro, ...wanted]
    .join('\n\n')
    .replace(/\]\((?!https?:|#)([^)]+)\)/g, (_, target) => `](${REPOSITORY}/blob/main/packages/${dir}/${target})`);
}

/** The repository, as the packages' manifests name it. */
const REPOSITORY = 'https://github.com/pi-estimate/pi';

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
    // What a reader calls first comes first.
    groupOrder: ['Functions', 'Variables', 'Classes', 'Interfaces', 'Type Aliases', '*'],
    // Fewer columns, so the tables fit the page: modifiers and inheritance are in the signatures.
    tableColumnSettings: { hideModifiers: true, hideInherited: true, hideOverrides: true, hideSources: true },
    useCodeBlocks: true,
    excludeScopesInPaths: true,
    sidebar: { autoConfiguration: true, collapsed: true, pretty: true },
    logLevel: 'Warn',
  });
  // A constant holding a WGSL program or a path would print its whole text as its type: call it a string
  // (the tutorial shows the WGSL itself, formatted).
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
    if (reflection.type instanceof LiteralType && typeof reflection.type.value === 'string' && reflection.type.value.length > 40) {
      reflection.type = new IntrinsicType('string');
    }
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
  // Each package's page opens as its README does: what it is, how to install it, one example.
  for (const p of packages) {
    const page = join(out, p.dir, 'index.md');
    if (!existsSync(page)) continue;
    const reference = readFileSync(page, 'utf8').replace(/^# .*\n/, '');
    writeFileSync(page, `# ${nameOf.get(p.entry)}\n\n${readmeIntro(p.dir)}\n\n## Reference\n${reference.replace(/^## /gm, '### ')}`);
  }
  writeFileSync(
    join(out, 'index.md'),
    [
      '# API reference',
      '',
      'Generated from the TSDoc comments of each package at build time, so it always matches the code.',
      'Every package is ESM, ships its own types, and runs in Node 20+ and in browsers unless its page says otherwise.',
      '',
      '| package | what it is |',
      '|---|---|',
      ...packages.map((p) => {
        const manifest = JSON.parse(readFileSync(p.manifest, 'utf8'));
        return `| [${manifest.name}](./${p.dir}/) | ${manifest.description ?? ''} |`;
      }),
      '',
    ].join('\n'),
  );
  console.log(`api: ${packages.map((p) => nameOf.get(p.entry)).join(', ')} → ${relative(repoRoot, out)}`);
}

/** One experiment of BENCHMARKS.md as the pages show it: its figure, then its table. */
function experimentSection(e, machine) {
  const software = e.rows.some((r) => /\(software\)/.test(r.note ?? ''));
  return [
    `![${e.title}: warm samples per second of each row, and of numba's version, on a log scale](/figures/bench-${e.id}.svg)`,
    '',
    experimentTable(e),
    '',
    ...(software
      ? [
          '::: warning Software adapter',
          'The GPU rows here ran on a software adapter (named in the notes): WebGPU carried out by the CPU, so',
          "their speed is a CPU's, not a GPU's. Run `pi bench` on a machine with a GPU for GPU figures.",
          ':::',
          '',
        ]
      : []),
    `<p class="bench-source">Measured by <code>pi bench</code> on ${machine.cpuModel}, ${machine.cores} cores (<a href="/guide/benchmarks">all benchmarks</a>).</p>`,
    '',
  ].join('\n');
}

/** What the pages show where a benchmark would be, when the build has no BENCHMARKS.md. */
const NO_MEASUREMENTS = [
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

/** The experiments the tutorial's chapters show (the ids `pi bench` gives the lecture's timing cells). */
const CHAPTER_EXPERIMENTS = [1, 2, 3, 4, 5];

/**
 * The benchmarks page and each chapter's figure: BENCHMARKS.md as tables that fit a page, with figures
 * drawn from its report. Returns the report, or undefined when the repository has no BENCHMARKS.md.
 */
function generateBenchmarks() {
  const source = join(repoRoot, 'BENCHMARKS.md');
  const dir = join(docsRoot, '.generated');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(source)) {
    writeFileSync(join(dir, 'benchmarks.md'), NO_MEASUREMENTS);
    for (const id of CHAPTER_EXPERIMENTS) writeFileSync(join(dir, `bench-figure-${id}.md`), NO_MEASUREMENTS);
    console.log('benchmarks: no BENCHMARKS.md yet');
    return undefined;
  }
  const report = parseBenchMarkdown(readFileSync(source, 'utf8'));
  const m = report.machine;
  for (const id of CHAPTER_EXPERIMENTS) {
    const e = report.experiments.find((x) => x.id === id);
    writeFileSync(join(dir, `bench-figure-${id}.md`), e === undefined ? NO_MEASUREMENTS : experimentSection(e, m));
  }
  const text = [
    '::: info Measured data',
    `From \`BENCHMARKS.md\` at the root of the repository, as \`${report.command} --markdown\` wrote it on ${m.cpuModel}`,
    `(${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}, ${m.platform}, ${report.startedAt.slice(0, 10)}.`,
    `numba peer: ${report.peer.detail}. The file also holds π̂ and its error for every row.`,
    ':::',
    '',
    'Each table: the warm time (the median of the calls after the first) with the cold time (the first',
    "call) in brackets, warm samples per second, how many times faster than the experiment's baseline",
    "row, and numba's warm time for the lecture's version of the row with how many times faster pi was.",
    '',
    ...(report.status === 'aborted' ? ['**The run was interrupted: the tables hold the rows completed before it stopped.**', ''] : []),
    ...report.experiments.flatMap((e) => [
      `### ${e.id}. ${e.title}`,
      '',
      `${e.size}: the lecture's ${e.seedCell}.`,
      '',
      experimentSection(e, m),
    ]),
  ].join('\n');
  writeFileSync(join(dir, 'benchmarks.md'), text);
  console.log('benchmarks: from BENCHMARKS.md');
  return report;
}

/** The WGSL the tutorial shows, from the package's exports: the kernels as they run. */
function generateWgsl() {
  const out = join(docsRoot, '.generated/wgsl');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The π kernel is a generator's module followed by the kernel that calls it: shown apart.
  const kernelOnly = (generator, module) => {
    const whole = piKernelWgsl(generator);
    return whole.startsWith(module) ? whole.slice(module.length) : whole;
  };
  const files = {
    'increment_by_one.wgsl': INCREMENT_BY_ONE_WGSL,
    'pi_kernel.wgsl': kernelOnly('numba', numbaWgsl),
    'numba.wgsl': numbaWgsl,
    'xoshiro128p.wgsl': xoshiro128pWgsl,
  };
  for (const [name, code] of Object.entries(files)) writeFileSync(join(out, name), `${code.trim()}\n`);
  console.log(`wgsl: ${Object.keys(files).join(', ')}`);
}

const report = generateBenchmarks();
generateWgsl();
console.log(`figures: ${(await drawFigures(docsRoot, report)).join(', ')}`);
await captureSnippetOutput(docsRoot);
await generateApi();
