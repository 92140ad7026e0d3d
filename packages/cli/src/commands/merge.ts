import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PiError, describeValue, isPiError, mergeShardResults, type PiResult } from '@pi/core';
import { defineCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { SCHEMA_VERSION, formatResult, resultJson } from '../format.js';
import { jsonOption } from '../options.js';
import { createStyle } from '../_style.js';
import { checkOutputTarget, writeOutputs } from '../ops/outputFile.js';

/** One JSON value read from an input, with the name errors give it (file, file:line, file[i]). */
interface LabelledValue {
  readonly label: string;
  readonly value: unknown;
}

function unreadable(label: string, why: string): PiError {
  return new PiError('INVALID_ARGUMENT', `${label}: ${why}`, { option: label });
}

/**
 * The JSON values in one input: a single object (what `--out` writes), an array of them, or one per
 * line (what `cat parts/*.json` or several `--json` runs give).
 */
function parseValues(label: string, text: string): LabelledValue[] {
  const trimmed = text.trim();
  if (trimmed === '') throw unreadable(label, 'is empty; expected the JSON of a shard partial');
  try {
    const whole: unknown = JSON.parse(trimmed);
    return Array.isArray(whole) ? whole.map((value, i) => ({ label: `${label}[${i}]`, value })) : [{ label, value: whole }];
  } catch {
    // not one document: try one per line
  }
  const values: LabelledValue[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      values.push({ label: `${label}:${i + 1}`, value: JSON.parse(line) });
    } catch (error) {
      throw unreadable(`${label}:${i + 1}`, `is not JSON (${(error as Error).message})`);
    }
  }
  return values;
}

/** What a path that is not a regular file is, for messages. */
function specialKind(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean }): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  return 'not a regular file';
}

async function readStdin(io: CliIo): Promise<string> {
  if (io.stdin !== undefined) return io.stdin();
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Every JSON value behind the command line's inputs: files, directories (their *.json), or `-`. */
async function readInputs(inputs: readonly string[], io: CliIo): Promise<LabelledValue[]> {
  const values: LabelledValue[] = [];
  let stdinRead = false;
  for (const input of inputs) {
    if (input === '-') {
      if (stdinRead) throw unreadable('-', 'stdin is given twice');
      stdinRead = true;
      values.push(...parseValues('stdin', await readStdin(io)));
      continue;
    }
    let isDirectory: boolean;
    try {
      const stats = await stat(input);
      isDirectory = stats.isDirectory();
      if (!isDirectory && !stats.isFile())
        throw unreadable(input, `is ${specialKind(stats)}, not a file of shard partials; it was not opened`);
    } catch (error) {
      if (isPiError(error)) throw error;
      throw unreadable(input, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const files = isDirectory
      ? (await readdir(input))
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => join(input, name))
      : [input];
    if (files.length === 0) throw unreadable(input, 'is a directory with no *.json files');
    // Only regular files are read from a folder: a FIFO would block the merge forever, a device is no partial.
    if (isDirectory) {
      for (const file of files) {
        const stats = await lstat(file)
          .then((s) => (s.isSymbolicLink() ? stat(file) : s))
          .catch(() => undefined);
        if (stats !== undefined && !stats.isFile())
          throw unreadable(file, `is ${specialKind(stats)}, not a shard partial; it was not opened`);
      }
    }
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw unreadable(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      values.push(...parseValues(file, text));
    }
  }
  return values;
}

export const command = defineCommand({
  name: 'merge',
  summary: 'Combine the partial results of `pi estimate --shard K/N` into the whole run, bit for bit.',
  usage: 'merge FILE|DIR|- ... [--json] [--out FILE]',
  positionals: 'FILE|DIR|-',
  options: {
    json: jsonOption,
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'Also write the merged JSON result to FILE' },
  },
  examples: ['pi merge parts/', 'pi merge parts/shard-*.json --json', 'cat parts/*.json | pi merge -'],
  async run(args, io) {
    if (args.positionals.length === 0) {
      throw new PiError('INVALID_ARGUMENT', 'FILE: none given; expected shard partials: files, a directory of *.json, or - for stdin', {
        option: 'FILE',
      });
    }
    const { out } = args.values;
    if (out !== undefined) checkOutputTarget('--out', out);
    const values = await readInputs(args.positionals, io);
    for (const { label, value } of values) {
      const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
      if (version !== SCHEMA_VERSION) {
        throw unreadable(
          label,
          `schemaVersion ${describeValue(version)} is not supported; expected ${SCHEMA_VERSION} (a pi estimate --json result)`,
        );
      }
      if ((value as { checksum?: unknown }).checksum === undefined) {
        throw unreadable(label, 'has no checksum over its counts; merge only partials written by pi estimate --out or --json');
      }
    }
    const merged = mergeShardResults(
      values.map((v) => v.value as PiResult),
      { labels: values.map((v) => v.label), howToShard: 'run shards with `pi estimate --shard K/N`' },
    );
    io.stdout(
      args.values.json === true
        ? `${JSON.stringify(resultJson(merged, { for: 'print' }))}\n`
        : formatResult(merged, createStyle(io.color), io.columns),
    );
    const file = () => `${JSON.stringify(resultJson(merged))}\n`;
    return writeOutputs(io, 'merge', out === undefined ? [] : [{ option: '--out', path: out, data: file }], 0);
  },
});
