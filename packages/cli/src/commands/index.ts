import type { Command } from '../command.js';

/** A command as the registry knows it before loading: name, one line, and how to load it. */
export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** Every `pi` command, loaded on demand so `pi --help` stays fast. */
export const commands: Record<string, CommandEntry> = {
  estimate: {
    summary: 'Estimate π on one backend, with standard error and 95% interval',
    load: async () => (await import('./estimate.js')).command,
  },
  bench: {
    summary: "The seed's timing cells on this machine, cold and warm, side by side with numba",
    load: async () => (await import('./bench.js')).command,
  },
  plot: {
    summary: "Plot an estimate's convergence (π̂ vs samples, 95% band) as SVG or PNG",
    load: async () => (await import('./plot.js')).command,
  },
  dataframe: {
    summary: "The seed's DataFrame fills with danfo.js: cell by cell or drawn then wrapped, per-column estimates",
    load: async () => (await import('./dataframe.js')).command,
  },
  info: {
    summary: 'Node, CPU, cores, and the backends this machine can run',
    load: async () => (await import('./info.js')).command,
  },
  transfer: {
    summary: "The seed's increment_by_one: host↔device round trips vs data kept on the GPU",
    load: async () => (await import('./transfer.js')).command,
  },
  merge: {
    summary: 'Combine shard partials (pi estimate --shard K/N) into the whole result, bit for bit',
    load: async () => (await import('./merge.js')).command,
  },
};
