/** @pi/cli as a library: run the CLI in-process (tests, embedding). The `pi` binary is bin.ts. */
export { main, EXIT_CODES } from './main.js';
export { memoryIo, type CliIo } from './io.js';
export { registry, DEFAULT_BACKEND } from './registry.js';
export { commands, type CommandEntry } from './commands/index.js';
export type { Command, OptionSpec, ParsedArgs } from './command.js';
export { formatResult, resultJson, SCHEMA_VERSION } from './format.js';
