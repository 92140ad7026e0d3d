import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('pi dataframe', () => {
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

describe('pi dataframe: usage errors exit 2 with one line naming the option, the value and what is allowed', () => {
  it.each([
    [['--rows', '0'], /--rows: "0" is not allowed; expected an integer in \[1, 2\^53\)/],
    [['--rows', 'abc'], /--rows: "abc" is not allowed/],
    [['--cols', '1.5'], /--cols: "1.5" is not allowed/],
    [['--cols', '-3'], /--cols: "-3" is not allowed/],
    [['--rows', '5000', '--cols', '5000'], /--rows × --cols: "5000 × 5000 = 25,000,000 cells" is not allowed; expected at most 10,000,000 cells/],
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
});
