#!/usr/bin/env node
import { main } from './main.js';

// Ctrl-C aborts the running command, which prints its partial result and exits 130; a second
// Ctrl-C exits at once.
const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  process.stderr.write('\npi: interrupted; finishing the blocks in flight (Ctrl-C again to quit now)\n');
  controller.abort();
});

const color = process.stdout.isTTY === true && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  color,
  columns: process.stdout.columns ?? process.stderr.columns ?? 80,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
