import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Where the peer script lives in the package (dist/… and src/… both sit one level below it). */
export const PEER_SCRIPT = fileURLToPath(new URL('../peer/numba_peer.py', import.meta.url));

/** One line of the peer's output. */
export interface PeerLine {
  readonly case: string;
  readonly samples?: number;
  readonly coldSeconds?: number;
  readonly warmSeconds?: number;
  readonly value?: number;
  readonly device?: string;
  readonly unavailable?: string;
}

/** How long the probe (`import numba`) may take: a cold import takes a few seconds, a hung Python forever. */
export const PEER_PROBE_TIMEOUT_MS = 20_000;
/** How long the peer's whole run may take. */
export const PEER_RUN_TIMEOUT_MS = 30 * 60_000;

/** Runs a program; past `timeoutMs`, or when `signal` aborts, it is killed (SIGKILL: a hung one may ignore SIGTERM). */
function run(file: string, args: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { timeout: timeoutMs, killSignal: 'SIGKILL' as const, maxBuffer: 1 << 22, ...(signal ? { signal } : {}) };
    execFile(file, [...args], options, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/**
 * Finds a Python with numba: `PI_PYTHON` alone if set, else `python3` on the PATH, else Debian's
 * /usr/bin/python3 (which has numba where python3-numba is installed even when PATH's python3 does not).
 */
export async function findNumbaPython(
  env: Readonly<Record<string, string | undefined>>,
  signal?: AbortSignal,
): Promise<{ python?: string; detail: string }> {
  // An explicit PI_PYTHON is the only candidate: the user chose it.
  const candidates = env['PI_PYTHON'] ? [env['PI_PYTHON']] : ['python3', '/usr/bin/python3'];
  const tried: string[] = [];
  for (const python of [...new Set(candidates)]) {
    try {
      const version = (await run(python, ['-c', 'import numba, numpy; print(numba.__version__)'], PEER_PROBE_TIMEOUT_MS, signal)).trim();
      return { python, detail: `${python} with numba ${version}` };
    } catch (error) {
      const killed = (error as { killed?: boolean }).killed === true && signal?.aborted !== true;
      tried.push(killed ? `${python} (no answer within ${PEER_PROBE_TIMEOUT_MS / 1000} s)` : python);
    }
  }
  return { detail: `no Python with numba (tried ${tried.join(', ')}); install python3-numba or set PI_PYTHON` };
}

/** Runs the peer for some cases and sizes; resolves with its lines by case. */
export async function runPeer(
  python: string,
  cases: readonly string[],
  sizes: {
    runs: number;
    piSamples: number;
    df: readonly [number, number];
    groups: readonly [number, number];
    gpu: readonly [number, number];
  },
  signal?: AbortSignal,
): Promise<Map<string, PeerLine>> {
  const args = [
    PEER_SCRIPT,
    '--cases',
    cases.join(','),
    '--runs',
    String(sizes.runs),
    '--pi-samples',
    String(sizes.piSamples),
    '--df',
    ...sizes.df.map(String),
    '--groups',
    ...sizes.groups.map(String),
    '--gpu',
    ...sizes.gpu.map(String),
  ];
  const stdout = await run(python, args, PEER_RUN_TIMEOUT_MS, signal);
  const lines = new Map<string, PeerLine>();
  for (const line of stdout.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const parsed = JSON.parse(line) as PeerLine;
    lines.set(parsed.case, parsed);
  }
  return lines;
}
