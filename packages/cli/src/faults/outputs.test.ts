import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PI_BIN, isRoot, printedJson, runPi, scratch } from './_pi.js';

// Output targets against the real binary: checked before any work, written atomically, never a
// 0-byte file, and a write that fails after the work still prints the result.

describe('every output option refuses a target that is not a regular file, before any work (exit 2)', () => {
  const cases: [string, string[]][] = [
    ['estimate --out', ['estimate', '-n', '1e5', '--out']],
    ['estimate --checkpoint', ['estimate', '-n', '1e5', '--checkpoint']],
    ['estimate --groups-out', ['estimate', '-g', '10x10', '--groups-out']],
    ['merge --out', ['merge', 'nothing-to-read', '--out']],
    ['plot --out', ['plot', '-n', '1e4', '--out']],
    ['bench --markdown', ['bench', '--quick', '--markdown']],
    ['bench --plot', ['bench', '--quick', '--plot']],
    ['dataframe --csv', ['dataframe', '-r', '10', '-c', '2', '--csv']],
  ];
  for (const [name, argv] of cases) {
    test(`${name}: a character device, a FIFO, a directory, an empty name, a folder that cannot be made`, async () => {
      const dir = await scratch('targets');
      const fifo = join(dir, 'fifo.svg');
      execFileSync('mkfifo', [fifo]);
      const folder = join(dir, 'folder.svg');
      mkdirSync(folder);
      const file = join(dir, 'file.txt');
      writeFileSync(file, 'a file, not a folder');
      const targets: [string, RegExp][] = [
        ['/dev/null', /character device/],
        [fifo, /a FIFO/],
        [folder, /a directory/],
        ['', /a file name/],
        [join(file, 'x.svg'), /a file in a folder \(.*file\.txt is a regular file\)/],
      ];
      for (const [target, why] of targets) {
        const exit = await runPi([...argv, target], { cwd: dir });
        expect({ target, code: exit.code }).toEqual({ target, code: 2 });
        expect(exit.stderr).toMatch(why);
        expect(exit.stderr).toContain(`--${argv.at(-1)!.replace(/^--/, '')}`);
        expect(exit.stdout).toBe('');
      }
      // Nothing was replaced or left behind.
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
      expect(statSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['fifo.svg', 'file.txt', 'folder.svg']);
      expect(readdirSync(folder)).toEqual([]);
    }, 120_000);
  }
});

describe('a closed stdout (EPIPE) ends the command quietly', () => {
  test('pi estimate --json | head -c 10: no stack trace, exit 0, and --out is still written', async () => {
    const dir = await scratch('epipe');
    const out = join(dir, 'r.json');
    const run = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${PI_BIN}" estimate -g 1000x20000 --json --out "${out}" | head -c 10; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stdout.length).toBe(10);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stderr).toMatch(/status 0/);
    expect(JSON.parse(readFileSync(out, 'utf8')).status).toBe('completed');
  }, 90_000);
});

// A full disk: a 64 KiB tmpfs mounted here (root only), a result file that cannot fit.
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
});

describe.skipIf(!isRoot)(`a full disk${isRoot ? '' : ' (skipped: not root, a tmpfs cannot be mounted)'}`, () => {
  test('the result still goes to stdout, the error names the file, exit 1, and no temporary or 0-byte file is left', async () => {
    const dir = await scratch('full');
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
    if (mount.status !== 0) throw new Error(`mount -t tmpfs failed: ${mount.stderr}`);
    mounts.push(dir);
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const out = join(dir, 'groups.json');
    const exit = await runPi(['estimate', '-b', 'simd', '-g', '1000x30000', '--json', '--out', out]);
    expect(exit.code).toBe(1);
    expect(printedJson(exit)).toMatchObject({ status: 'completed' });
    expect(exit.stderr).toContain(`--out ${out}: could not be written (ENOSPC)`);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    expect(existsSync(out)).toBe(false);
  }, 90_000);
});

// Without any Vulkan driver (SwiftShader turned off), exit 3 is one line: no Dawn or loader warnings first.
const withoutVulkan = Object.fromEntries(
  Object.entries({ ...process.env, PI_WEBGPU_NO_SWIFTSHADER: '1' }).filter(
    ([k]) => !/^VK_(ICD_FILENAMES|DRIVER_FILES|ADD_DRIVER_FILES)$/.test(k),
  ),
);
const { hasVulkanDriver } = await import('@pi/gpu-tf');
const driverHere = hasVulkanDriver(withoutVulkan);

describe.skipIf(driverHere)(`no WebGPU adapter${driverHere ? ' (skipped: this machine has a Vulkan driver of its own)' : ''}`, () => {
  test('pi estimate --backend webgpu: exit 3 with one line on stderr, nothing on stdout', async () => {
    const child = spawnSync(process.execPath, [PI_BIN, 'estimate', '-b', 'webgpu', '-n', '1000'], {
      env: withoutVulkan,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(3);
    expect(child.stdout).toBe('');
    expect(child.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^pi estimate: error: webgpu: no WebGPU adapter on this machine/),
    ]);
  }, 90_000);
});
