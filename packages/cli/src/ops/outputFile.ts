import { accessSync, closeSync, constants, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PiError, invalidArgument } from '@pi/core';
import type { CliIo } from '../io.js';

/** What a path that exists but is not a regular file is, for messages. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isFile()) return 'a regular file';
  return 'not a regular file';
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    // Missing, or a path through a file (ENOTDIR): nothing there; the folder check says why.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Checks an output target before any work: a non-empty name that is a regular file or does not exist yet,
 * in a folder that can be written. A missing folder is created now (shard templates such as
 * `parts/run-1/shard-{index}.json` on a fresh volume rely on it). Anything else (a device, a FIFO, a
 * socket, a directory, a folder that cannot be created or written) is an INVALID_ARGUMENT (exit 2) naming
 * the option and the path, so a long run never ends in a file it cannot write, and `--out /dev/null` never
 * replaces /dev/null.
 */
export function checkOutputTarget(option: string, path: string): void {
  if (path.trim() === '') throw invalidArgument(option, path, 'a file name');
  const stats = statOrUndefined(path);
  if (stats !== undefined && !stats.isFile()) {
    throw invalidArgument(option, path, `a regular file or a new name (it is ${kindOf(stats)})`);
  }
  const folder = dirname(path);
  let folderStats: Stats | undefined;
  try {
    folderStats = statOrUndefined(folder);
    if (folderStats === undefined) {
      mkdirSync(folder, { recursive: true });
      folderStats = statSync(folder);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw invalidArgument(option, path, `a file in a folder that exists or can be created (${folder}: ${code})`);
  }
  if (!folderStats.isDirectory()) throw invalidArgument(option, path, `a file in a folder (${folder} is ${kindOf(folderStats)})`);
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw invalidArgument(option, path, `a file in a folder this user can write (${folder} is not writable)`);
  }
}

let temporaries = 0;

/** Writes all of `data` (a single write may take only part of it). */
function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * Writes a file whole or not at all: to a temporary file in the same folder, then renamed over the target,
 * so readers (`pi merge` on a shared volume, a resume after SIGKILL) never see half a file. A failed write
 * (disk full, folder gone) removes the temporary file and throws RUNTIME_FAILURE naming the option and
 * the path; the target keeps its old content.
 */
export function writeOutputFile(option: string, path: string, data: string | Uint8Array | Iterable<string>): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${++temporaries}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) writeAll(fd, data);
      else for (const piece of data) writeAll(fd, piece);
    } finally {
      closeSync(fd);
    }
    const stats = statOrUndefined(path);
    if (stats !== undefined && !stats.isFile()) throw new Error(`it became ${kindOf(stats)} during the run`);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new PiError('RUNTIME_FAILURE', `${option} ${path}: could not be written (${why}); the result above was not saved`, {
      option,
      cause: error,
    });
  }
}

/** One file a command writes after its work. */
export interface OutputWrite {
  readonly option: string;
  readonly path: string;
  readonly data: () => string | Uint8Array | Iterable<string>;
}

/**
 * Writes a command's output files after its result is printed. Every write is tried; each failure is
 * reported on stderr naming its file, and the exit code becomes 1 (`code` otherwise), so a full disk never
 * costs the printed result.
 */
export function writeOutputs(io: CliIo, command: string, writes: readonly OutputWrite[], code: number): number {
  let result = code;
  for (const write of writes) {
    try {
      writeOutputFile(write.option, write.path, write.data());
    } catch (error) {
      io.stderr(`pi ${command}: error: ${(error as Error).message}\n`);
      result = 1;
    }
  }
  return result;
}
