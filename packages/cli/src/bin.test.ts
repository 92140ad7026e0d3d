import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const exec = promisify(execFile);

describe('the pi binary (built)', () => {
  it('runs an estimate and exits 0', async () => {
    const { stdout } = await exec(process.execPath, [bin, 'estimate', '--samples', '1M', '--seed', '7', '--json']);
    expect(JSON.parse(stdout).samples).toBe(1_000_000);
  });

  it('exits 2 with one line and no stack trace on a usage error', async () => {
    const error = await exec(process.execPath, [bin, 'estimate', '--samples', 'abc']).catch((e: unknown) => e);
    expect((error as { code: number }).code).toBe(2);
    expect((error as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('SIGINT prints the partial result and exits 130', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [bin, 'estimate', '--samples', '1e13', '--json']);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(130);
    expect(JSON.parse(stdout).status).toBe('aborted');
  });
});
