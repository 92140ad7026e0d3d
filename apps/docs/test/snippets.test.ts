/**
 * The code samples the pages include (apps/docs/snippets/*.ts, pulled in with `<<< @/snippets/…`) are
 * type-checked by `pnpm typecheck` and run here, with what they print checked. The `pi …` command lines
 * in the pages' shell blocks are checked against the CLI's own command and option data, and the cheap
 * ones are run in-process. Nothing on a page can drift from the code without a test failing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commands, main, memoryIo } from '@pi/cli';
import { afterEach, describe, expect, it, vi } from 'vitest';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs a snippet module and returns what it printed. */
async function run(name: string): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await import(`../snippets/${name}.ts`);
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

afterEach(() => vi.restoreAllMocks());

describe('snippets', () => {
  it('every snippet is included by some page, and every included snippet exists', () => {
    const pages = markdownFiles(docsRoot)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const included = new Set([...pages.matchAll(/<<< @\/snippets\/([\w-]+)\.ts/g)].map((m) => m[1]!));
    const files = readdirSync(`${docsRoot}snippets`)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect([...included].sort()).toEqual(files.sort());
  });

  it('estimate.ts prints an estimate with its interval', async () => {
    const out = await run('estimate');
    const [, pi, halfWidth] = /^π ≈ (3\.\d{5}) ± (0\.\d{5})$/m.exec(out) ?? [];
    // Seed 42 is fixed: |π̂ − π| < 4·SE (two half-widths of the 95% interval).
    expect(Math.abs(Number(pi) - Math.PI)).toBeLessThan(2 * Number(halfWidth));
    expect(out).toMatch(/^95% interval \[3\.1\d+, 3\.1\d+\]$/m);
    expect(out).toMatch(/^\d+ of 1000000 points inside$/m);
  });

  it('byHand.ts: the inside rule by hand equals the loop', async () => {
    expect(await run('byHand')).toMatch(/^by hand: (\d+), loop: \1, equal: true$/);
  });

  it('shards.ts: three shards add up to the whole plan', async () => {
    expect(await run('shards')).toMatch(/^whole plan: (\d+), three shards: \1\nequal: true$/);
  });

  it("groups.ts: the seed's 500 × 64 plan counts what numba's simulator counts", async () => {
    const out = await run('groups');
    expect(out).toContain('inside: 25183');
    expect(out).toMatch(/mean of the 64 group estimates: 3\.\d{4} ± 0\.\d{4}/);
  });

  it('abort.ts: a stopped run reports progress and keeps complete blocks', async () => {
    const out = await run('abort');
    const last = out.split('\n').at(-1)!;
    expect(last).toMatch(/^aborted: π ≈ 3\.\d{4} from \d+ points$/);
    expect(out).toMatch(/^\d+ of 10000000000$/m);
    const samples = Number(/from (\d+) points/.exec(last)![1]);
    expect(samples % 65_536).toBe(0);
    expect(samples).toBeLessThan(10_000_000_000);
  });

  it('coldWarm.ts prints a cold time and a warm median', async () => {
    expect(await run('coldWarm')).toMatch(/^cold \d+\.\d ms, warm median \d+\.\d ms$/);
  });

  it('precision.ts picks the sample count from the precision', async () => {
    const out = await run('precision');
    expect(out).toMatch(/^±1e-3 needs \d+ points$/m);
    const half = Number(/^half-width (\S+)$/m.exec(out)![1]);
    expect(half).toBeGreaterThan(0.0009);
    expect(half).toBeLessThanOrEqual(0.001);
  });

  it('naiveLoop.ts: calculatePi, timed twice as the lecture does, lands near π', async () => {
    const out = await run('naiveLoop');
    const calls = [...out.matchAll(/^(first|second) call: π ≈ (3\.\d{5}) in [\d.]+ ms$/gm)];
    expect(calls.map((m) => m[1])).toEqual(['first', 'second']);
    // 5,000,000 points: the standard error is 7.3e-4; six of them is far outside chance.
    for (const m of calls) expect(Math.abs(Number(m[2]) - Math.PI)).toBeLessThan(0.0045);
  });

  it('simd.ts: the SIMD loop counts what the loop counts', async () => {
    const out = await run('simd');
    const counts = [...out.matchAll(/^(loop|simd): (\d+) inside, \d+ M samples\/s$/gm)].map((m) => m[2]);
    expect(counts).toHaveLength(2);
    expect(counts[0]).toBe(counts[1]);
  });

  it('workers.ts: one core and the worker pool give the same count', async () => {
    const out = await run('workers');
    expect(out).toMatch(/^one core: π ≈ 3\.\d{5}, \d+ ms$/m);
    expect(out).toMatch(/^\d+ workers: π ≈ 3\.\d{5}, \d+ ms$/m);
    expect(out).toMatch(/^same count: true \(\d+\)$/m);
  });

  it("computePi.ts: compute_pi_on_gpu on WebGPU counts numba's 25,183 and names its adapter", async () => {
    const out = await run('computePi');
    expect(out).toContain('inside: 25183');
    // numba's per-thread counts of the first threads (packages/core/test-vectors/numba/fixtures.json).
    expect(out).toMatch(/^first threads: \d+, \d+, \d+, \d+$/m);
    expect(out).toMatch(/^np\.mean\(out\): 3\.\d{6}$/m);
    expect(out).toMatch(/^on: \S/m);
  });

  it('incrementByOne.ts: 25 launches add 25, copied every launch or kept on the device', async () => {
    const out = await run('incrementByOne');
    expect(out).toMatch(/^adapter: \S/m);
    expect(out).toMatch(/^round trip every launch: [\d.]+ ms$/m);
    expect(out).toMatch(/^kept on the device: [\d.]+ ms$/m);
    // np.ones + 25 increments, both ways.
    expect(out).toContain('test[:3] = 26, 26, 26');
    expect(out).toContain('test_result[:3] = 26, 26, 26');
  });

  it('dataframe.ts: both danfo fills run, and the frame counts what the loop counts', async () => {
    const out = await run('dataframe');
    expect(out).toMatch(/^cell by cell: [\d.]+ ms\ndrawn then wrapped: [\d.]+ ms$/m);
    expect(out).toMatch(/^dataframe: (\d+), loop: \1\nequal: true$/m);
  });
});

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'api', 'dist', '.vitepress', 'test', 'snippets', 'screenshots'].includes(entry.name)) continue;
    const path = `${dir}${dir.endsWith('/') ? '' : '/'}${entry.name}`;
    if (entry.isDirectory()) out.push(...markdownFiles(path));
    else if (entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(path);
  }
  return out;
}

/** Every `pi …` line in the pages' shell blocks, with the page it is on. */
function commandLines(): { page: string; argv: string[] }[] {
  const found: { page: string; argv: string[] }[] = [];
  for (const file of markdownFiles(docsRoot)) {
    for (const block of readFileSync(file, 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)) {
      // A command continued with a trailing backslash is one command.
      for (const line of block[1]!.replace(/\\\n\s*/g, ' ').split('\n')) {
        const m = /^(?:pnpm )?pi (.+)$/.exec(line.trim());
        if (m !== null) found.push({ page: file.slice(docsRoot.length), argv: m[1]!.split(/\s+/) });
      }
    }
  }
  return found;
}

describe('command lines on the pages', () => {
  const lines = commandLines();

  it('name commands and options the CLI has', async () => {
    expect(lines.length).toBeGreaterThan(4);
    const problems: string[] = [];
    for (const { page, argv } of lines) {
      const [name, ...rest] = argv;
      if (name === '--help') continue;
      const entry = commands[name!];
      if (entry === undefined) {
        problems.push(`${page}: no command ${name}`);
        continue;
      }
      const command = await entry.load();
      for (const arg of rest) {
        if (!arg.startsWith('--')) continue;
        const option = arg.slice(2).split('=')[0]!;
        if (option !== 'help' && command.options[option] === undefined) problems.push(`${page}: pi ${name} has no --${option}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the cheap ones run and exit 0', async () => {
    const cheap = lines.filter(
      ({ argv }) => argv[0] === 'info' || argv[0] === '--help' || (argv[0] === 'estimate' && !argv.includes('1e8')),
    );
    expect(cheap.length).toBeGreaterThan(2);
    for (const { page, argv } of cheap) {
      const io = memoryIo();
      expect(await main(argv, io), `${page}: pi ${argv.join(' ')}\n${io.err()}`).toBe(0);
    }
  });

  it("the seed's groups example counts 25183 through the CLI too", async () => {
    const line = lines.find(({ argv }) => argv.includes('500x64'));
    expect(line).toBeDefined();
    const io = memoryIo();
    expect(await main(line!.argv, io)).toBe(0);
    expect(JSON.parse(io.out()).inside).toBe(25183);
  });
});
