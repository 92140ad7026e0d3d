import { createRequire } from 'node:module';
import { isPiError, type PiErrorCode } from '@pi/core';
import { commandHelp } from './_help.js';
import { parseCommandArgs } from './_parseArgs.js';
import { closestName } from './_closestName.js';
import { commands } from './commands/index.js';
import { twoColumns, wrapText } from './_wrap.js';
import type { CliIo } from './io.js';

/** Exit codes of DESIGN.md: 0 ok, 1 runtime failure, 2 usage, 3 backend unavailable, 130 interrupted. */
export const EXIT_CODES: Record<PiErrorCode, number> = {
  INVALID_ARGUMENT: 2,
  BACKEND_UNAVAILABLE: 3,
  ABORTED: 130,
  DEVICE_LOST: 1,
  WORKER_FAILED: 1,
  RUNTIME_FAILURE: 1,
};

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

function topHelp(width: number): string {
  return [
    ...wrapText('pi: estimate π by Monte Carlo as fast as this machine allows, exactly reproducible.', width),
    '',
    'Usage: pi <command> [options]',
    '',
    'Commands:',
    ...twoColumns(
      Object.entries(commands).map(([name, c]) => [`  ${name}`, c.summary] as const),
      width,
    ),
    '',
    'Run `pi <command> --help` for its options and examples.',
    '',
    'Examples:',
    '  pi estimate --samples 1e9 --seed 1',
    '  pi info',
    '',
  ].join('\n');
}

/** Runs the CLI in-process with the given argv (without `node pi`); resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? rest[0] : undefined;
    if (target !== undefined && commands[target] !== undefined) {
      io.stdout(commandHelp(await commands[target].load(), io.columns));
    } else {
      io.stdout(topHelp(io.columns));
    }
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const entry = commands[name];
  if (entry === undefined) {
    const suggestion = closestName(name, Object.keys(commands));
    io.stderr(`pi: error: ${JSON.stringify(name)} is not a command; ${suggestion ? `did you mean "${suggestion}"? ` : ''}see pi --help\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    const args = parseCommandArgs(command, rest);
    if ((args.values as Record<string, unknown>)['help'] === true) {
      io.stdout(commandHelp(command, io.columns));
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (isPiError(error)) {
      io.stderr(`pi ${name}: error: ${error.message}\n`);
      return EXIT_CODES[error.code];
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`pi ${name}: error: ${message}\n`);
    if (io.env['PI_DEBUG']) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
