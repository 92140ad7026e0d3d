/** One timed way of doing an experiment's job, as `pi bench` reports it. */
export interface BenchRow {
  /** Stable id, e.g. `loop`, `webgpu-kernel`. */
  readonly id: string;
  /** What people read in the table. */
  readonly label: string;
  /** Points drawn (or cells, or array elements for transfers). */
  readonly samples: number;
  /** Whether this row ran. */
  readonly available: boolean;
  /** Why it did not run, or a fact worth a footnote (adapter, reduced size). */
  readonly note?: string;
  /** First call: JIT warm-up, worker start, WebAssembly and shader compile. */
  readonly coldSeconds?: number;
  /** Median of the warm calls that followed. */
  readonly warmSeconds?: number;
  /** How many warm calls: `--runs`, or more for fast rows, until they add up to 0.3 s (at most 100). */
  readonly warmRuns?: number;
  /** Warm samples per second. */
  readonly samplesPerSecond?: number;
  /** π̂ of the last warm call, and its error against π. */
  readonly pi?: number;
  readonly error?: number;
  /** Whether the row keeps the reproducibility contract. */
  readonly reproducible?: boolean;
  /** The experiment's baseline row. */
  readonly baseline?: boolean;
  /** Baseline's warm seconds / this row's: how many times faster than the baseline. */
  readonly speedupVsBaseline?: number;
  /** The numba peer's version of this row, when there is one. */
  readonly peer?: PeerFigure;
}

/** What the numba peer measured for the case paired with a row. */
export interface PeerFigure {
  readonly case: string;
  readonly available: boolean;
  readonly note?: string;
  readonly coldSeconds?: number;
  readonly warmSeconds?: number;
  /** numba's warm seconds / ours: above 1, pi is faster. */
  readonly speedupVsPeer?: number;
}

/** One of the seed's timing cells. */
export interface BenchExperiment {
  readonly id: number;
  readonly title: string;
  /** The seed's function(s) this retells. */
  readonly seedCell: string;
  /** The job's size, in words. */
  readonly size: string;
  readonly rows: readonly BenchRow[];
}

/** Everything `pi bench --json` prints. */
export interface BenchReport {
  readonly schemaVersion: number;
  readonly command: string;
  readonly quick: boolean;
  readonly runs: number;
  /** When the bench started, ISO 8601 UTC. */
  readonly startedAt: string;
  readonly machine: {
    readonly node: string;
    readonly cpuModel: string;
    readonly cores: number;
    readonly platform: string;
    readonly memoryGiB: number;
  };
  readonly peer: { readonly name: 'numba'; readonly available: boolean; readonly detail: string };
  readonly status: 'completed' | 'aborted';
  readonly experiments: readonly BenchExperiment[];
}
