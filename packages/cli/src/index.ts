/** @pi/cli as a library: run the CLI in-process (tests, embedding). The `pi` binary is bin.ts. */
export { main, EXIT_CODES } from './main.js';
export { memoryIo, type CliIo } from './io.js';
export { registry, DEFAULT_BACKEND } from './registry.js';
export { commands, type CommandEntry } from './commands/index.js';
export type { Command, OptionSpec, ParsedArgs } from './command.js';
export { formatResult, resultJson, SCHEMA_VERSION } from './format.js';
// The chart renderer and the specs behind `pi bench --plot` and `pi plot`: the docs site draws its
// figures with them at build time, from the same data the CLI charts.
export { chartToSvg, type ChartSpec } from './plot/renderChart.js';
export { benchChart, logBarChart, type LogBarChartOptions } from './bench/barChart.js';
export type { BenchReport, BenchExperiment, BenchRow, PeerFigure } from './bench/types.js';
export { convergence, convergenceChart, doublingCheckpoints } from './plot/convergence.js';
