import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commands } from './commands/index.js';

/**
 * The real binary in a pseudo-terminal of a given width (util-linux `script`), so that what a person
 * sees is what is checked: every line, and every frame a progress line redraws, fits the width.
 */
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const exec = promisify(execFile);
const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

async function inTerminal(columns: number, args: readonly string[]): Promise<{ text: string; frames: string[] }> {
  const command = `stty cols ${columns} rows 50; exec ${[process.execPath, bin, ...args].map(quote).join(' ')}`;
  const { stdout } = await exec('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, NO_COLOR: '', TERM: 'xterm-256color' },
    maxBuffer: 1 << 24,
    timeout: 120_000,
  });
  const text = stdout.replace(/\r\n/g, '\n');
  // Frames: what stands on the screen between two carriage returns, line clears or newlines.
  const frames = text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\r|\n|\u001b\[2K/)
    .filter((f) => f !== '');
  return { text, frames };
}

const tooWide = (frames: readonly string[], columns: number) => frames.filter((f) => [...f].length > columns);

describe('output fits the terminal', () => {
  it('script (util-linux) gives a pseudo-terminal here', () => {
    expect(execFileSync('script', ['--version'], { encoding: 'utf8' })).toMatch(/util-linux/);
  });

  it.each([['--help'], ...Object.keys(commands).map((name) => [name, '--help']), ['info']])(
    '80 columns: pi %s',
    async (...args) => {
      const { frames } = await inTerminal(80, args);
      expect(frames.length).toBeGreaterThan(3);
      expect(tooWide(frames, 80)).toEqual([]);
    },
    60_000,
  );

  it('80 columns: pi estimate with a progress bar that clears each frame and shows an ETA', async () => {
    // Long enough (seconds) that the bar, drawn after half a second, shows on any machine.
    const { text, frames } = await inTerminal(80, ['estimate', '--samples', '2e9', '--seed', '1']);
    expect(text).toMatch(/\r\u001b\[2K\[[#-]+\] +\d+\.\d% .* samples\/s {2}ETA /);
    expect(text).toContain('95% interval');
    expect(tooWide(frames, 80)).toEqual([]);
  }, 60_000);

  it("80 columns: a shard's result, whose lines are the longest pi estimate prints", async () => {
    const { text, frames } = await inTerminal(80, ['estimate', '--samples', '5e6', '--seed', '1', '--shard', '2/8']);
    expect(frames.join(' ')).toMatch(/combine every shard\s+with pi merge/);
    expect(tooWide(frames, 80)).toEqual([]);
  }, 60_000);

  it('120 columns: pi bench --quick has no row wider than the terminal', async () => {
    const { frames, text } = await inTerminal(120, ['bench', '--quick', '--runs', '1', '--peer', 'none']);
    expect(text).toContain('5. Transfers');
    expect(tooWide(frames, 120)).toEqual([]);
    // "not available: why" and other notes are footnotes, said once per experiment.
    for (const experiment of text.split(/\n(?=\d\. )/)) {
      const footnotes = experiment.match(/^\[\d+\] .*$/gm) ?? [];
      expect(new Set(footnotes).size).toBe(footnotes.length);
    }
  }, 180_000);

  it('not a terminal: no progress or control sequences, the result complete', async () => {
    const { stdout, stderr } = await exec(process.execPath, [bin, 'estimate', '--samples', '1e9', '--seed', '1']);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\u001b|\r/);
    for (const label of ['π̂', 'error', '95% interval', 'samples', 'time', 'backend']) expect(stdout).toContain(label);
  }, 60_000);
});

describe('the pi binary on a mistyped option', () => {
  it('says "did you mean --samples?" in one line and exits 2', async () => {
    const error = (await exec(process.execPath, [bin, 'estimate', '--sampels', '5']).catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
    };
    expect(error.code).toBe(2);
    expect(error.stderr).toBe(
      'pi estimate: error: --sampels: unknown option for "pi estimate"; did you mean --samples? see pi estimate --help\n',
    );
  });
});
