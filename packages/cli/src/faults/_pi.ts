import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real `pi` binary, built (`pnpm --filter @pi/cli build`); the fault suite runs it in real processes. */
export const PI_BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** How a `pi` process ended. */
export interface PiExit {
  /** Exit code; null when a signal killed it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** performance.now() when it exited. */
  readonly exitedAt: number;
}

/** A running `pi` process. */
export interface PiProcess {
  readonly child: ChildProcess;
  readonly exit: Promise<PiExit>;
  /** Sends a signal and returns performance.now() at the moment it was sent. */
  kill(signal: NodeJS.Signals): number;
}

/** Starts `node dist/bin.js …args` in `cwd`; stdout and stderr are collected (stderr is not a terminal). */
export function startPi(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): PiProcess {
  const child = spawn(process.execPath, [PI_BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<PiExit>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, exitedAt: performance.now() }));
  });
  return {
    child,
    exit,
    kill: (signal) => {
      const at = performance.now();
      child.kill(signal);
      return at;
    },
  };
}

/** Runs `pi …args` to its end. */
export function runPi(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<PiExit> {
  return startPi(args, options).exit;
}

/** Resolves once `check()` holds, polling every 20 ms; throws after `seconds`. */
export async function waitUntil(what: string, check: () => boolean, seconds = 60): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until a file exists (a checkpoint written: the run is counting). */
export const waitForFile = (path: string, seconds = 60) => waitUntil(`${path} to appear`, () => existsSync(path), seconds);

/** A fresh temporary folder. */
export const scratch = (name: string) => mkdtemp(join(tmpdir(), `pi-faults-${name}-`));

/** The one JSON object a `--json` run printed. */
export function printedJson(exit: PiExit): Record<string, unknown> {
  try {
    return JSON.parse(exit.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(
      `stdout is not one JSON object (exit ${exit.code}, signal ${exit.signal}):\n${exit.stdout}\n--- stderr\n${exit.stderr}`,
    );
  }
}

/** Whether this process runs as root (tmpfs mounts, special files in /dev). */
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
