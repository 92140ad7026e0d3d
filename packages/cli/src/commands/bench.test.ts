import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = memoryIo({ env });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A stand-in for python3 that answers the numba probe and prints peer lines with fixed timings. */
async function fakePython(dir: string): Promise<string> {
  const file = join(dir, 'fake-python');
  await writeFile(
    file,
    `#!/usr/bin/env bash
if [ "$1" = "-c" ]; then echo "0.0-fake"; exit 0; fi
cases=$(echo "$@" | sed -E 's/.*--cases ([^ ]+).*/\\1/')
for c in \${cases//,/ }; do
  if [ "$c" = "compute_pi_on_gpu" ]; then echo "{\\"case\\": \\"$c\\", \\"unavailable\\": \\"no CUDA GPU for numba.cuda\\"}"; continue; fi
  echo "{\\"case\\": \\"$c\\", \\"samples\\": 1, \\"coldSeconds\\": 2.0, \\"warmSeconds\\": 1.0, \\"runs\\": 1, \\"value\\": 3.14}"
done
`,
  );
  await chmod(file, 0o755);
  return file;
}

describe('pi bench', () => {
  it('--quick --json: experiments, rows, cold and warm, ratios to the baseline', async () => {
    const r = await run(['bench', '--quick', '--runs', '1', '--peer', 'none', '--only', '1', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ schemaVersion: 1, quick: true, runs: 1, status: 'completed', peer: { available: false } });
    expect(report.machine.cores).toBeGreaterThan(0);
    const [experiment] = report.experiments;
    expect(experiment.id).toBe(1);
    const naive = experiment.rows.find((row: { id: string }) => row.id === 'naive');
    const loop = experiment.rows.find((row: { id: string }) => row.id === 'loop');
    expect(naive).toMatchObject({ available: true, baseline: true, samples: 1_000_000, reproducible: false });
    expect(naive.speedupVsBaseline).toBe(1);
    expect(loop.available).toBe(true);
    expect(loop.coldSeconds).toBeGreaterThan(0);
    expect(loop.speedupVsBaseline).toBeCloseTo(naive.warmSeconds / loop.warmSeconds, 10);
    expect(Math.abs(loop.error)).toBeLessThan(0.02);
  });

  it('pairs each row with the numba peer and writes Markdown and a chart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-bench-'));
    const python = await fakePython(dir);
    const md = join(dir, 'BENCH.md');
    const svg = join(dir, 'bench.svg');
    const r = await run(['bench', '--quick', '--runs', '1', '--only', '1', '--json', '--markdown', md, '--plot', svg], {
      PI_PYTHON: python,
    });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.peer).toMatchObject({ available: true, detail: `${python} with numba 0.0-fake` });
    const loop = report.experiments[0].rows.find((row: { id: string }) => row.id === 'loop');
    expect(loop.peer).toMatchObject({ case: 'calculate_pi_numba', available: true, warmSeconds: 1 });
    expect(loop.peer.speedupVsPeer).toBeCloseTo(1 / loop.warmSeconds, 10);
    const markdown = await readFile(md, 'utf8');
    expect(markdown).toContain('## 1. Vanilla vs compiled');
    expect(markdown).toContain('calculate_pi_numba');
    expect(markdown).toContain('pi bench --quick');
    expect(await readFile(svg, 'utf8')).toMatch(/^<svg/);
  });

  it('says when no numba is available', async () => {
    const r = await run(['bench', '--quick', '--runs', '1', '--only', '1'], { PI_PYTHON: '/nonexistent/python' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('vs baseline');
    // The legend wraps to the terminal's width (80 here): read it as one line.
    expect(r.out.replace(/\s+/g, ' ')).toContain('numba peer: not available (no Python with numba (tried /nonexistent/python)');
  });

  it('Ctrl-C prints the rows done so far and exits 130', async () => {
    const controller = new AbortController();
    const io = memoryIo({ signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const code = await main(['bench', '--runs', '50', '--peer', 'none', '--only', '3', '--json'], io);
    expect(code).toBe(130);
    const report = JSON.parse(io.out());
    expect(report.status).toBe('aborted');
  });

  it.each([
    [['--runs', '0'], /--runs: "0" is not allowed/],
    [['--only', '9'], /--only: "9" is not allowed; expected a comma-separated list of experiments among 1/],
    [['--plot', 'chart.gif'], /--plot: "chart.gif" is not allowed; expected a file name ending in .svg or .png/],
    [['--peer', 'julia'], /--peer: "julia" is not allowed; expected numba, none/],
  ])('refuses %j with exit 2', async (argv, message) => {
    const r = await run(['bench', ...argv]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
