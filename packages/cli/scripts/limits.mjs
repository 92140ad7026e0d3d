#!/usr/bin/env node
// Measures the peak resident memory of `pi` commands at the sizes the README's "Limits" table lists, and
// prints that table as Markdown. Run from the repository root after a build:
//
//   node packages/cli/scripts/limits.mjs > /tmp/limits.md
//
// Each command runs once under GNU time (`/usr/bin/time -f %M`, Debian's `time` package); peak RSS is
// what the kernel reports for the process and its worker threads.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const rows = [
  ['estimate -b loop -n 1e8', 'samples plans hold no per-stream data'],
  ['estimate -b workers -n 1e9', 'one worker per core'],
  ['estimate -b simd -g 1x1000000', 'groups plan, 1,000,000 groups'],
  ['estimate -b simd -g 1x4000000', 'groups plan, 4,000,000 groups'],
  ['dataframe -r 1000000 -c 1', 'vectorized, a million rows'],
  ['dataframe -r 1 -c 400000', 'vectorized, 400,000 columns'],
  ['dataframe -r 1 -c 20000 -m cell', 'cell by cell, 20,000 columns'],
  ['plot -n 1e8 --out /tmp/pi-limits.svg', 'convergence chart'],
];

console.log('| command | what it holds | peak RSS |');
console.log('|---|---|---|');
for (const [command, what] of rows) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...command.split(' '), '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pi ${command} failed (${run.status}): ${run.stderr}`);
  const kilobytes = Number(run.stderr.trim().split('\n').at(-1));
  console.log(`| \`pi ${command}\` | ${what} | ${Math.round(kilobytes / 1024)} MiB |`);
}
