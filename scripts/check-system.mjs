// Makes sure the Debian packages the test suite needs are present before `pnpm test` runs.
// As root on Debian it installs what is missing (apt-get); otherwise it says what to install and fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  {
    file: '/usr/lib/chromium/vk_swiftshader_icd.json',
    apt: 'chromium',
    why: 'headless Chromium and the SwiftShader Vulkan driver: WebGPU tests without a GPU, docs tests',
  },
  {
    file: '/usr/lib/x86_64-linux-gnu/libvulkan.so.1',
    apt: 'libvulkan1',
    why: "the Vulkan loader Dawn (the webgpu package) opens to reach SwiftShader; chromium's own copy is private",
  },
  { file: '/usr/sbin/slurmctld', apt: 'slurm-wlm', why: 'a real single-node Slurm for the job-array test (packages/cli/src/slurm.test.ts)' },
  { file: '/usr/sbin/munged', apt: 'munge', why: 'munge authentication for that Slurm' },
  { file: '/usr/bin/mount', apt: 'mount', why: 'a tiny tmpfs for the full-disk test (packages/cli/src/faults/outputs.test.ts, as root)' },
];

const missing = needs.filter((n) => !existsSync(n.file));
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((n) => n.apt))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  for (const n of missing) console.error(`missing ${n.file} (Debian package ${n.apt}): ${n.why}`);
  console.error(`install it with: sudo apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}
console.error(`installing Debian packages the tests need: ${packages.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
