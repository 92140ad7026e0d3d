/** The signals that stop a command, and their numbers (exit code 128 + number). */
export const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** A signal that stops commands: Ctrl-C, a scheduler's SIGTERM, a closed terminal's SIGHUP. */
export type StopSignalName = keyof typeof STOP_SIGNALS;

/** A second signal this soon after the first is the same one delivered twice (timeout(1), process groups). */
export const DUPLICATE_SIGNAL_MS = 250;

/** How long a stopping command may take before the handler gives up on it and quits. */
export const STOP_BACKSTOP_MS = 10_000;

/** Why a command was asked to stop: the `reason` of the CLI's abort signal. */
export class StopRequest {
  constructor(readonly signal: StopSignalName) {}

  /** 128 + the signal's number: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP. */
  get exitCode(): number {
    return 128 + STOP_SIGNALS[this.signal];
  }
}

/** The exit code of a command that stopped early: its signal's, or 130 when aborted otherwise. */
export function stoppedExitCode(signal: AbortSignal): number {
  return signal.reason instanceof StopRequest ? signal.reason.exitCode : 128 + STOP_SIGNALS.SIGINT;
}

/** What the handler needs from the process; tests pass their own. */
export interface SignalHost {
  on(signal: StopSignalName, listener: () => void): void;
  stderr(text: string): void;
  exit(code: number): void;
  now(): number;
  /** Starts the backstop timer; it must not keep the process alive. */
  later(ms: number, run: () => void): void;
}

function nodeHost(): SignalHost {
  return {
    on: (signal, listener) => process.on(signal, listener),
    stderr: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
    now: () => performance.now(),
    later: (ms, run) => setTimeout(run, ms).unref(),
  };
}

/**
 * The one signal handler of the CLI. The first SIGINT, SIGTERM or SIGHUP aborts `controller` with a
 * `StopRequest`: the command stops within 200 ms, prints its partial result, writes its files and exits
 * 128 + the signal's number. Another signal within 250 ms is the same one delivered twice and is
 * ignored; a later one quits at once, as does a command still running 10 s after the first.
 */
export function installSignalHandler(controller: AbortController, host: SignalHost = nodeHost()): void {
  let first: { readonly signal: StopSignalName; readonly at: number } | undefined;
  const onSignal = (signal: StopSignalName) => {
    const at = host.now();
    if (first === undefined) {
      first = { signal, at };
      const what = signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`;
      host.stderr(`\npi: ${what}; finishing with what is counted (Ctrl-C again to quit now)\n`);
      controller.abort(new StopRequest(signal));
      host.later(STOP_BACKSTOP_MS, () => {
        host.stderr(`pi: still running ${STOP_BACKSTOP_MS / 1000} s after ${first!.signal}; quitting\n`);
        host.exit(128 + STOP_SIGNALS[first!.signal]);
      });
      return;
    }
    if (at - first.at < DUPLICATE_SIGNAL_MS) return;
    host.exit(128 + STOP_SIGNALS[signal]);
  };
  for (const signal of Object.keys(STOP_SIGNALS) as StopSignalName[]) host.on(signal, () => onSignal(signal));
}
