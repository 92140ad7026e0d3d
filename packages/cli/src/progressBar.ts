import type { Progress } from '@pi/core';
import type { CliIo } from './io.js';
import { duration, si } from './format.js';
import { displayWidth } from './_wrap.js';

/** Carriage return, then erase the line: a shorter frame never leaves the end of a longer one behind. */
const CLEAR_LINE = '\r\u001b[2K';

/**
 * One status line on stderr, redrawn in place and cut to the terminal's width; nothing at all when
 * stderr is not a terminal (pipes and CI logs get the results, not the animation).
 */
export function createStatusLine(io: CliIo, enabled = true) {
  const on = enabled && io.stderrIsTTY;
  let drawn = false;
  return {
    draw(text: string): void {
      if (!on) return;
      const limit = Math.max(10, io.columns - 1);
      const fitted = displayWidth(text) > limit ? `${[...text].slice(0, limit - 1).join('')}…` : text;
      io.stderr(CLEAR_LINE + fitted);
      drawn = true;
    },
    clear(): void {
      if (drawn) io.stderr(CLEAR_LINE);
      drawn = false;
    },
  };
}

/** `1 min 5 s` left at the current rate, or `?` before there is a rate. */
export function eta(progress: Progress): string {
  const rate = progress.elapsedSeconds > 0 ? progress.samplesDone / progress.elapsedSeconds : 0;
  if (!(rate > 0)) return '?';
  return duration(Math.max(0, progress.samplesTotal - progress.samplesDone) / rate);
}

/**
 * A progress bar with rate and ETA on stderr, drawn only on a terminal and once the run outlasts `delayMs`.
 * `unit` names what `samplesDone` counts (samples unless told).
 */
export function createProgressBar(io: CliIo, label: string, options: { quiet?: boolean; delayMs?: number; unit?: string } = {}) {
  const line = createStatusLine(io, options.quiet !== true);
  const delayMs = options.delayMs ?? 500;
  const unit = options.unit ?? 'samples';
  const started = Date.now();
  return {
    update(progress: Progress): void {
      if (Date.now() - started < delayMs || progress.samplesTotal <= 0) return;
      const fraction = Math.min(1, progress.samplesDone / progress.samplesTotal);
      const rate = progress.elapsedSeconds > 0 ? progress.samplesDone / progress.elapsedSeconds : 0;
      const text = ` ${(fraction * 100).toFixed(1).padStart(5)}%  ${si(rate)} ${unit}/s  ETA ${eta(progress)}  ${label}`;
      const width = Math.max(10, Math.min(40, io.columns - text.length - 3));
      const full = Math.round(fraction * width);
      line.draw(`[${'#'.repeat(full)}${'-'.repeat(width - full)}]${text}`);
    },
    done(): void {
      line.clear();
    },
  };
}

/**
 * For work that cannot say how far along it is (one long synchronous call in a worker): what it is doing
 * and the time so far, redrawn every 250 ms on a terminal once the run outlasts `delayMs`.
 */
export function createPhaseLine(io: CliIo, label: string, options: { quiet?: boolean; delayMs?: number } = {}) {
  const line = createStatusLine(io, options.quiet !== true);
  const delayMs = options.delayMs ?? 500;
  const started = Date.now();
  let current = '';
  const draw = () => {
    const elapsed = Date.now() - started;
    if (elapsed >= delayMs && current !== '') line.draw(`${label}: ${current}  ${duration(elapsed / 1000)}`);
  };
  const timer = io.stderrIsTTY && options.quiet !== true ? setInterval(draw, 250) : undefined;
  timer?.unref();
  return {
    phase(name: string): void {
      current = name;
      draw();
    },
    done(): void {
      if (timer !== undefined) clearInterval(timer);
      line.clear();
    },
  };
}
