import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPi, scratch } from './_pi.js';

async function shards(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const k of [0, 1, 2]) {
    const file = join(dir, `shard-${k}.json`);
    const exit = await runPi(['estimate', '-g', '1000x30', '-s', '4', '--shard', `${k}/3`, '--out', file, '--quiet']);
    expect(exit.code).toBe(0);
    files.push(file);
  }
  return files;
}

describe('pi merge against tampering and special files', () => {
  test('a shard whose inside was edited by hand is refused by name (exit 2); the untouched set merges', async () => {
    const dir = await scratch('merge');
    const files = await shards(dir);
    expect((await runPi(['merge', dir, '--json'])).code).toBe(0);
    const shard = JSON.parse(readFileSync(files[1]!, 'utf8'));
    writeFileSync(
      files[1]!,
      JSON.stringify({ ...shard, inside: shard.inside + 1, groupCounts: [shard.groupCounts[0] + 1, ...shard.groupCounts.slice(1)] }),
    );
    const exit = await runPi(['merge', dir, '--json']);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain(`${files[1]}: checksum`);
    expect(exit.stdout).toBe('');
  }, 90_000);

  test('a FIFO in the folder is refused by name at once, never opened (no hang)', async () => {
    const dir = await scratch('fifo');
    await shards(dir);
    execFileSync('mkfifo', [join(dir, 'zz.json')]);
    const started = performance.now();
    const exit = await runPi(['merge', dir]);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain(`${join(dir, 'zz.json')}: is a FIFO, not a shard partial; it was not opened`);
    const direct = await runPi(['merge', join(dir, 'zz.json')]);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toMatch(/is a FIFO/);
  }, 90_000);
});
