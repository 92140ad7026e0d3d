import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The portable build, as a user of a GPU node without Node.js gets it: dist/pi-linux-x64.tar.xz unpacked
// in a temporary folder and run with a PATH that holds no Node (only sh, dirname and readlink, which the
// launcher uses). The archive is (re)built first when missing or older than what it is built from.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const archive = join(root, 'dist', 'pi-linux-x64.tar.xz');
const sources = [
  'scripts/build-portable.mjs',
  'packages/cli/dist/bin.js',
  'packages/gpu-tf/dist/index.js',
  'packages/cpu/dist/index.js',
  'packages/core/dist/index.js',
];
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  const newest = Math.max(...sources.map((f) => statSync(join(root, f)).mtimeMs));
  if (!existsSync(archive) || statSync(archive).mtimeMs < newest) {
    execFileSync(process.execPath, [join(root, 'scripts/build-portable.mjs')], { cwd: root, stdio: 'inherit' });
  }
  dir = mkdtempSync(join(tmpdir(), 'pi-portable-'));
  execFileSync('tar', ['-xJf', archive, '-C', dir]);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const tool of ['sh', 'dirname', 'readlink']) {
    const at = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    symlinkSync(at, join(bin, tool));
  }
  env = { PATH: bin, HOME: dir, LANG: 'C.UTF-8' };
});
afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function pi(...args: string[]) {
  const r = spawnSync(join(dir, 'pi-linux-x64', 'pi'), args, { env, cwd: dir, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the archive is at most 48 MB, and PATH holds no Node', () => {
  expect(statSync(archive).size).toBeLessThanOrEqual(48 * 1024 * 1024);
  expect(spawnSync('sh', ['-c', 'command -v node'], { env }).status).not.toBe(0);
});

test('./pi info: its own Node 24 and the backends', () => {
  const r = pi('info');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^node\s+v24\./m);
  expect(r.stdout).toMatch(/^\s+yes\s+loop\s/m);
});

describe('./pi estimate', () => {
  const estimate = (...args: string[]) => {
    // naive and tfjs draw unseeded numbers: --seed is for the reproducible backends only.
    const seeded = !args.includes('naive') && !args.includes('tfjs');
    const r = pi('estimate', '--samples', '300001', ...(seeded ? ['--seed', '7'] : []), '--json', ...args);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as {
      inside: number;
      samples: number;
      backend: string;
      reproducible: boolean;
      details?: Record<string, unknown>;
    };
  };
  let loopInside: number;
  test('every CPU backend: loop, simd and workers equal, naive close', () => {
    loopInside = estimate('--backend', 'loop').inside;
    expect(estimate('--backend', 'simd').inside).toBe(loopInside);
    expect(estimate('--backend', 'workers', '--threads', '2').inside).toBe(loopInside);
    const naive = estimate('--backend', 'naive');
    expect(naive.reproducible).toBe(false);
    expect(Math.abs((4 * naive.inside) / naive.samples - Math.PI)).toBeLessThan(0.03);
    const tensors = estimate('--backend', 'tfjs', '--tf-backend', 'cpu');
    expect(tensors.samples).toBe(300_001);
  });

  test.runIf(existsSync(SWIFTSHADER_ICD))('webgpu on SwiftShader (Dawn from the archive) equals loop', () => {
    const r = estimate('--backend', 'webgpu');
    expect(r.inside).toBe(loopInside);
    expect(r.details?.software).toBe(true);
  });
});

test.runIf(existsSync(SWIFTSHADER_ICD))('./pi bench --only 4: the GPU rows run', () => {
  const r = pi('bench', '--only', '4', '--json');
  expect(r.status, r.stderr).toBe(0);
  const rows = (
    JSON.parse(r.stdout) as { experiments: Array<{ rows: Array<{ id: string; available: boolean; samplesPerSecond?: number }> }> }
  ).experiments[0]!.rows;
  for (const id of ['webgpu-numba', 'webgpu-xoshiro', 'tfjs-cpu']) {
    const row = rows.find((x) => x.id === id);
    expect(row?.available, id).toBe(true);
    expect(row?.samplesPerSecond, id).toBeGreaterThan(0);
  }
});
