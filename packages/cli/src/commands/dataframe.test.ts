import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { estimateLoop } from '@pi/cpu';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const dir = mkdtempSync(join(tmpdir(), 'pi-dataframe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pi dataframe', { timeout: 60_000 }, () => {
  it('--json prints one object with the schema; per-column counts equal the loop’s groups N × I', async () => {
    const r = await run('dataframe', '--rows', '3k', '--cols', '12', '--seed', '4', '--generator', 'numba', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    const loop = await estimateLoop({ generator: 'numba', seed: 4, groups: { pointsPerGroup: 3000, groups: 12 } });
    expect(json).toMatchObject({
      schemaVersion: 1,
      method: 'vectorized',
      rows: 3000,
      cols: 12,
      rowsFilled: 3000,
      csv: null,
      backend: 'dataframe-vectorized',
      generator: 'numba',
      seed: 4,
      status: 'completed',
      samples: 36_000,
      plan: { kind: 'groups', pointsPerGroup: 3000, groups: 12 },
    });
    expect(json.groupCounts).toEqual(loop.groupCounts);
    expect(json.groupEstimates).toEqual(loop.groupEstimates);
    expect(json.pi).toBe(loop.pi);
    expect(json.standardError).toBe(loop.standardError);
  });

  it('--method cell gives the same frame, so the same counts', async () => {
    const cell = JSON.parse((await run('dataframe', '-r', '150', '-c', '5', '-m', 'cell', '-s', '9', '--json')).out);
    const vectorized = JSON.parse((await run('dataframe', '-r', '150', '-c', '5', '-s', '9', '--json')).out);
    expect(cell.method).toBe('cell');
    expect(cell.backend).toBe('dataframe-cell');
    expect(cell.groupCounts).toEqual(vectorized.groupCounts);
  });

  it('--csv writes the DataFrame: a header of column names, then N rows of 0/1 whose column sums are the counts', async () => {
    const file = join(dir, 'frame'); // no .csv suffix: written under exactly this name
    const r = await run('dataframe', '--rows', '400', '--cols', '6', '--seed', '2', '--csv', file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.csv).toBe(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('0,1,2,3,4,5');
    expect(lines).toHaveLength(401);
    const sums = [0, 0, 0, 0, 0, 0];
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(cells).toHaveLength(6);
      cells.forEach((c, i) => {
        expect(c === '0' || c === '1').toBe(true);
        sums[i]! += Number(c);
      });
    }
    expect(sums).toEqual(json.groupCounts);
  });

  it('the table lists every column’s estimate, then π̂ with its interval', async () => {
    const r = await run('dataframe', '--rows', '1000', '--cols', '4', '--seed', '1');
    expect(r.code).toBe(0);
    const json = JSON.parse((await run('dataframe', '--rows', '1000', '--cols', '4', '--seed', '1', '--json')).out);
    for (let i = 0; i < 4; i++) {
      expect(r.out).toMatch(new RegExp(`\\n\\s+${i}\\s+${json.groupCounts[i]}\\s+${json.groupEstimates[i].toFixed(6)}`));
    }
    for (const label of ['π̂', '95% interval', 'dataframe-vectorized']) expect(r.out).toContain(label);
  });

  it('wide frames list the first and last columns and say how many are left out', async () => {
    const r = await run('dataframe', '--rows', '10', '--cols', '100');
    expect(r.out).toContain('65 more columns (all of them with --json)');
    expect(r.out).toMatch(/\n\s+99\s/);
  });
});

describe('pi dataframe: usage errors exit 2 with one line naming the option, the value and what is allowed', { timeout: 60_000 }, () => {
  it.each([
    [['--rows', '0'], /--rows: "0" is not allowed; expected an integer in \[1, 2\^53\)/],
    [['--rows', 'abc'], /--rows: "abc" is not allowed/],
    [['--cols', '1.5'], /--cols: "1.5" is not allowed/],
    [['--cols', '-3'], /--cols: "-3" is not allowed/],
    [
      ['--rows', '5000', '--cols', '5000'],
      /--rows × --cols: "5000 × 5000 = 25,000,000 cells" is not allowed; expected at most 10,000,000 cells/,
    ],
    [['--rows', '1e7', '--cols', '2'], /at most 10,000,000 cells/],
    [['--method', 'fast'], /--method: "fast" is not allowed; expected cell, vectorized/],
    [['--seed', '-1'], /--seed: "-1" is not allowed/],
    [['--generator', 'mt'], /--generator: "mt" is not allowed/],
  ])('%j', async (argv, message) => {
    const r = await run('dataframe', ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('an unwritable --csv path is refused before the fill (exit 2), one line naming --csv', async () => {
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, 'a file');
    const r = await run('dataframe', '--rows', '10', '--cols', '2', '--csv', join(notAFolder, 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--csv: ".*x\.csv" is not allowed; expected a file in a folder \(.*not-a-folder is a regular file\)/);
    expect(r.out).toBe('');
  });

  it('Ctrl-C during a cell fill prints the partial result of the complete rows and exits 130', async () => {
    const controller = new AbortController();
    const io = memoryIo({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const code = await main(['dataframe', '--rows', '5000', '--cols', '20', '--method', 'cell', '--json'], io);
    expect(code).toBe(130);
    const json = JSON.parse(io.out());
    expect(json.status).toBe('aborted');
    expect(json.rowsFilled).toBeGreaterThan(0);
    expect(json.samples).toBe(json.rowsFilled * 20);
  });

  it('Ctrl-C during a vectorized fill (a worker thread) stops it at once: aborted, no rows, no --csv, exit 130', async () => {
    const controller = new AbortController();
    const io = memoryIo({ signal: controller.signal });
    const csv = join(dir, 'stopped.csv');
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, 300);
    const code = await main(['dataframe', '--rows', '1e7', '--cols', '1', '--csv', csv, '--json'], io);
    const stopMs = performance.now() - abortedAt;
    expect(code).toBe(130);
    expect(stopMs).toBeLessThan(1000);
    expect(JSON.parse(io.out())).toMatchObject({ status: 'aborted', method: 'vectorized', rowsFilled: 0, samples: 0, inside: 0 });
    expect(existsSync(csv)).toBe(false);
  }, 60_000);

  it('a vectorized fill longer than half a second shows its phase and time on a terminal, then clears the line', async () => {
    const io = memoryIo({ stderrIsTTY: true, columns: 120 });
    expect(await main(['dataframe', '--rows', '1e7', '--cols', '1', '--csv', join(dir, 'long.csv')], io)).toBe(0);
    expect(io.err()).toMatch(/dataframe --method vectorized: drawing the points and building the DataFrame {2}\d/);
    expect(io.err().endsWith('\r\u001b[2K')).toBe(true);
    expect(io.out()).toContain('10,000,000 × 1 cells written to');
  }, 60_000);

  it('with --json the terminal gets no status line', async () => {
    const io = memoryIo({ stderrIsTTY: true, columns: 120 });
    expect(await main(['dataframe', '--rows', '1e7', '--cols', '1', '--json'], io)).toBe(0);
    expect(io.err()).toBe('');
  }, 60_000);
});

describe('pi dataframe without @pi/dataframe installed (an optional peer of @pi/cli)', () => {
  // The built binary in a real process, with a resolve hook that answers for @pi/dataframe what Node answers
  // when a package is absent. The install test (test/install.test.mjs) checks the same with a real
  // global install of @pi/cli alone.
  const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
  const hooks = join(dir, 'hide-dataframe.mjs');
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
      if (specifier === '@pi/dataframe' || specifier.startsWith('@pi/dataframe/')) {
        const error = new Error("Cannot find package '@pi/dataframe' imported from " + context.parentURL);
        error.code = 'ERR_MODULE_NOT_FOUND';
        throw error;
      }
      return next(specifier, context);
    }`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`);
  const runWithout = (...argv: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', pathToFileURL(register).href, bin, ...argv], (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number((error as { code?: unknown }).code), stdout, stderr }),
      );
    });

  it('pi dataframe exits 3 with one line saying how to add it', async () => {
    const r = await runWithout('dataframe', '--rows', '10', '--cols', '2');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/@pi\/dataframe is not installed; it is an optional peer of @pi\/cli/);
    expect(r.stderr).toContain('npm i @pi/cli @pi/dataframe, then npx pi dataframe');
    expect(r.stderr).toContain("overrides in @pi/dataframe's README");
  });

  it('usage errors are still usage errors (exit 2)', async () => {
    const r = await runWithout('dataframe', '--rows', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rows: "abc" is not allowed/);
  });

  it('every other command works: pi estimate exits 0', async () => {
    const r = await runWithout('estimate', '--samples', '1M', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).samples).toBe(1_000_000);
  });

  it('pi bench keeps going: the DataFrame rows are unavailable and say how to add it', async () => {
    const r = await runWithout('bench', '--quick', '--only', '2', '--peer', 'none', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).experiments[0].rows as { id: string; available: boolean; note?: string }[];
    expect(rows.map((row) => row.id)).toEqual(['cell', 'vectorized']);
    for (const row of rows) {
      expect(row.available).toBe(false);
      expect(row.note).toBe('@pi/dataframe is not installed: npm i @pi/dataframe (overrides in its README)');
    }
  });
});
