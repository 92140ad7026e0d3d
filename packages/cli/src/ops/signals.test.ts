import { describe, expect, test } from 'vitest';
import { installSignalHandler, StopRequest, stoppedExitCode, type SignalHost, type StopSignalName } from './signals.js';

/** A host whose clock, exits and timers the test drives. */
function fakeHost() {
  const listeners = new Map<StopSignalName, () => void>();
  const exits: number[] = [];
  const timers: (() => void)[] = [];
  let now = 0;
  const host: SignalHost = {
    on: (signal, listener) => listeners.set(signal, listener),
    stderr: () => {},
    exit: (code) => exits.push(code),
    now: () => now,
    later: (_ms, run) => timers.push(run),
  };
  return {
    host,
    exits,
    timers,
    send: (signal: StopSignalName, at: number) => {
      now = at;
      listeners.get(signal)!();
    },
  };
}

describe('the signal handler', () => {
  test('the first signal aborts with its StopRequest; exit codes are 128 + its number', () => {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      const fake = fakeHost();
      const controller = new AbortController();
      installSignalHandler(controller, fake.host);
      fake.send(signal, 0);
      expect(controller.signal.aborted).toBe(true);
      expect(controller.signal.reason).toBeInstanceOf(StopRequest);
      expect(stoppedExitCode(controller.signal)).toBe(code);
      expect(fake.exits).toEqual([]);
    }
  });

  test('a second signal within 250 ms is the same one; a later one quits at once', () => {
    const fake = fakeHost();
    installSignalHandler(new AbortController(), fake.host);
    fake.send('SIGTERM', 1000);
    fake.send('SIGTERM', 1100);
    fake.send('SIGINT', 1249);
    expect(fake.exits).toEqual([]);
    fake.send('SIGINT', 1300);
    expect(fake.exits).toEqual([130]);
  });

  test('a command that has not stopped 10 s after the first signal is ended by the backstop', () => {
    const fake = fakeHost();
    installSignalHandler(new AbortController(), fake.host);
    fake.send('SIGHUP', 0);
    expect(fake.timers).toHaveLength(1);
    fake.timers[0]!();
    expect(fake.exits).toEqual([129]);
  });

  test('an abort without a signal (a library caller) reads as Ctrl-C', () => {
    const controller = new AbortController();
    controller.abort();
    expect(stoppedExitCode(controller.signal)).toBe(130);
  });
});
