import type { Command } from '../command.js';

/** A command as the list knows it before loading: one line, and how to load it. */
export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

type CommandModule = Promise<{ readonly command: object }>;

/** Rows of the command list: name → [summary, module]. Modules load on demand so `pi --help` stays fast. */
const table: Record<string, readonly [summary: string, module: () => CommandModule]> = {
  estimate: ['Estimate π on one backend, with standard error and 95% interval', () => import('./estimate.js')],
  bench: ["The seed's timing cells, cold and warm, beside numba", () => import('./bench.js')],
  plot: ["Plot an estimate's convergence (π̂ vs samples, 95% band)", () => import('./plot.js')],
  dataframe: ["The seed's DataFrame fills with danfo.js, per-column estimates", () => import('./dataframe.js')],
  info: ['Node, CPU, cores, and the backends this machine can run', () => import('./info.js')],
  transfer: ["The seed's increment_by_one: host↔device copies vs none", () => import('./transfer.js')],
  merge: ['Combine shard partials (estimate --shard K/N), bit for bit', () => import('./merge.js')],
};

/** Every `pi` command, loaded on demand. */
export const commands: Record<string, CommandEntry> = Object.fromEntries(
  Object.entries(table).map(([name, [summary, module]]) => [name, { summary, load: async () => (await module()).command as Command }]),
);
