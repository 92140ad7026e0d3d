import type { Progress } from '@pi/core';
import type { CliIo } from './io.js';
import { si } from './format.js';

/** A progress bar on stderr, drawn only when stderr is a terminal and the run outlasts `delayMs`. */
export function createProgressBar(io: CliIo, label: string, options: { quiet?: boolean; delayMs?: number } = {}) {
  const enabled = io.stderrIsTTY && options.quiet !== true;
  const delayMs = options.delayMs ?? 500;
  const started = Date.now();
  let drawn = false;
  return {
    update(progress: Progress): void {
      if (!enabled || Date.now() - started < delayMs || progress.samplesTotal <= 0) return;
      const fraction = Math.min(1, progress.samplesDone / progress.samplesTotal);
      const rate = progress.elapsedSeconds > 0 ? progress.samplesDone / progress.elapsedSeconds : 0;
      const text = ` ${(fraction * 100).toFixed(1).padStart(5)}%  ${si(rate)} samples/s  ${label}`;
      const width = Math.max(10, Math.min(40, io.columns - text.length - 3));
      const full = Math.round(fraction * width);
      io.stderr(`\r[${'#'.repeat(full)}${'-'.repeat(width - full)}]${text}`);
      drawn = true;
    },
    done(): void {
      if (drawn) io.stderr('\r\u001b[2K');
      drawn = false;
    },
  };
}
