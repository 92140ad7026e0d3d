#!/usr/bin/env node
import { main } from './main.js';
import { installSignalHandler } from './ops/signals.js';

// SIGINT, SIGTERM and SIGHUP abort the running command, which prints its partial result, writes its
// files and exits 128 + the signal's number (see ops/signals.ts).
const controller = new AbortController();
installSignalHandler(controller);

// A reader that goes away (`pi … | head -c 10`) closes stdout: later output is dropped, quietly, and the
// command still finishes its files and exits with its own code.
let stdoutOpen = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    stdoutOpen = false;
    return;
  }
  throw error;
});

const color = process.stdout.isTTY === true && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
const code = await main(process.argv.slice(2), {
  stdout: (text) => {
    if (stdoutOpen) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  color,
  columns: process.stdout.columns ?? process.stderr.columns ?? 80,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
// After a stop the command has printed its partial result and written its files: work it could not
// interrupt (a bench row, a subprocess) is not waited for.
if (controller.signal.aborted) process.exit(code);
