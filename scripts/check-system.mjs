// Makes sure the Debian packages the test suite needs are present before `pnpm test` runs, and says which
// they are and why. As root on Debian it installs what is missing with apt-get (naming each package first);
// otherwise it prints the apt-get line to run and fails. Libraries are looked up with `ldconfig -p`, so the
// check holds on any architecture (x86_64, arm64, …), not only where the library sits in x86_64-linux-gnu.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether the dynamic linker knows a library (any architecture's folder). */
function hasLibrary(soname) {
  try {
    return execFileSync('ldconfig', ['-p'], { encoding: 'utf8' })
      .split('\n')
      .some((line) => line.trim().startsWith(`${soname} `));
  } catch {
    return false;
  }
}

const needs = [
  {
    apt: 'chromium',
    present: () => existsSync('/usr/lib/chromium/vk_swiftshader_icd.json'),
    what: '/usr/lib/chromium/vk_swiftshader_icd.json',
    why: 'headless Chromium and the SwiftShader Vulkan driver: WebGPU tests without a GPU, docs tests',
  },
  {
    apt: 'libvulkan1',
    present: () => hasLibrary('libvulkan.so.1'),
    what: 'libvulkan.so.1 (ldconfig -p)',
    why: "the Vulkan loader Dawn (the webgpu package) opens to reach SwiftShader; chromium's own copy is private",
  },
  {
    apt: 'slurm-wlm',
    present: () => existsSync('/usr/sbin/slurmctld'),
    what: '/usr/sbin/slurmctld',
    why: 'a real single-node Slurm for the job-array test (packages/cli/src/slurm.test.ts)',
  },
  { apt: 'munge', present: () => existsSync('/usr/sbin/munged'), what: '/usr/sbin/munged', why: 'munge authentication for that Slurm' },
  {
    apt: 'mount',
    present: () => existsSync('/usr/bin/mount'),
    what: '/usr/bin/mount',
    why: 'a tiny tmpfs for the full-disk test (packages/cli/src/faults/outputs.test.ts, as root)',
  },
];

const missing = needs.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((n) => n.apt))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  for (const n of missing) console.error(`missing ${n.what} (Debian package ${n.apt}): ${n.why}`);
  console.error(`install it with: sudo apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}
console.error('installing the Debian packages the tests need (apt-get, as root):');
for (const n of missing) console.error(`  ${n.apt.padEnd(11)} for ${n.why}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
const still = missing.filter((n) => !n.present());
if (still.length > 0) {
  for (const n of still) console.error(`still missing after apt-get: ${n.what} (${n.apt})`);
  process.exit(1);
}
console.error(`installed: ${packages.join(' ')}`);
