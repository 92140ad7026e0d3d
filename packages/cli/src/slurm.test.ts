import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// End to end on a real scheduler: a single-node Slurm (Debian's slurm-wlm and munge, which
// scripts/check-system.mjs installs) started here as root, the recipe's sbatch script run as a job
// array, then `pi merge`. It needs root (the daemons run as root) and Debian's packages; anywhere else
// it is skipped with the reason in its title. In CI (root on Debian) it runs.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const recipe = fileURLToPath(new URL('../../../examples/cluster/slurm/pi-array.sbatch', import.meta.url));
const exec = promisify(execFile);

const skipReason =
  typeof process.getuid !== 'function' || process.getuid() !== 0
    ? 'not root: slurmctld, slurmd and munged are started as root'
    : !existsSync('/etc/debian_version')
      ? 'not Debian: the test starts Debian’s slurm-wlm and munge'
      : undefined;

const node = hostname().split('.')[0]!;
let dir: string;
let env: NodeJS.ProcessEnv;

async function slurm(command: string, args: readonly string[], timeout = 30_000) {
  return exec(command, args, { env, timeout });
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen within ${seconds} s; logs in ${dir}`);
}

async function logs(): Promise<string> {
  const names = ['slurmctld.log', 'slurmd.log', 'munged.log'];
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8').catch(() => '')));
  return names.map((n, i) => `--- ${n}\n${texts[i]!.split('\n').slice(-15).join('\n')}`).join('\n');
}

describe.skipIf(skipReason !== undefined)(`a real single-node Slurm${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    for (const tool of ['/usr/sbin/munged', '/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/bin/sbatch']) {
      if (!existsSync(tool)) throw new Error(`${tool} is missing: run node scripts/check-system.mjs (apt-get install slurm-wlm munge)`);
    }
    dir = await mkdtemp(join(tmpdir(), 'pi-slurm-'));
    for (const sub of ['state', 'spool', 'bin', 'work', 'key']) await mkdir(join(dir, sub));
    await chmod(join(dir, 'key'), 0o700);
    await writeFile(join(dir, 'key', 'munge.key'), randomBytes(1024), { mode: 0o600 });
    // `pi` on the jobs' PATH is this checkout's built binary.
    await writeFile(join(dir, 'bin', 'pi'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 });
    // Ports of our own, so a Slurm already on this machine is not disturbed.
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const socket = join(dir, 'munge.sock');
    await writeFile(
      join(dir, 'slurm.conf'),
      [
        'ClusterName=pitest',
        `SlurmctldHost=${node}(127.0.0.1)`,
        'SlurmUser=root',
        'SlurmdUser=root',
        `SlurmctldPort=${port}`,
        `SlurmdPort=${port + 1}`,
        'AuthType=auth/munge',
        `AuthInfo=socket=${socket}`,
        'CredType=cred/munge',
        // No cgroups: plain process tracking works in containers and on any kernel.
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'JobAcctGatherType=jobacct_gather/none',
        'AccountingStorageType=accounting_storage/none',
        'JobCompType=jobcomp/none',
        'SchedulerType=sched/builtin',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_Core',
        'MpiDefault=none',
        'ReturnToService=2',
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
        `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
        `NodeName=${node} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN`,
        // No time limit: the recipe asks for --time=02:00:00, which a shorter MaxTime would leave pending.
        'PartitionName=pi Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
        '',
      ].join('\n'),
    );
    env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_INDEX$|PI_)/.test(k))),
      SLURM_CONF: join(dir, 'slurm.conf'),
      PATH: `${join(dir, 'bin')}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    };
    await slurm('/usr/sbin/munged', [
      '--force',
      `--socket=${socket}`,
      `--key-file=${join(dir, 'key', 'munge.key')}`,
      `--log-file=${join(dir, 'munged.log')}`,
      `--pid-file=${join(dir, 'munged.pid')}`,
      `--seed-file=${join(dir, 'munged.seed')}`,
    ]);
    await slurm('/usr/sbin/slurmctld', ['-i', '-f', join(dir, 'slurm.conf')]);
    await slurm('/usr/sbin/slurmd', ['-f', join(dir, 'slurm.conf')]);
    await waitFor('the node coming up idle', async () => (await slurm('sinfo', ['-h', '-o', '%t'])).stdout.trim() === 'idle', 30).catch(
      async (error: Error) => {
        throw new Error(`${error.message}\n${await logs()}`);
      },
    );
  }, 60_000);

  afterAll(async () => {
    if (dir === undefined) return;
    spawnSync('scontrol', ['shutdown'], { env, timeout: 10_000 });
    // munged, and whatever scontrol did not stop, by the pids they wrote (never by name).
    for (const name of ['slurmd.pid', 'slurmctld.pid', 'munged.pid']) {
      const pid = Number(await readFile(join(dir, name), 'utf8').catch(() => ''));
      if (!(pid > 0) || !isAlive(pid)) continue;
      if (name === 'munged.pid') process.kill(pid, 'SIGTERM');
      await waitFor(`${name} to exit`, async () => !isAlive(pid), 5).catch(() => process.kill(pid, 'SIGKILL'));
    }
    await rm(dir, { recursive: true, force: true });
  }, 30_000);

  it('runs the recipe as an array job (tasks 1-3) and merges it into the single-process result', async () => {
    const work = join(dir, 'work');
    const parts = join(work, 'parts');
    const plan = ['--samples', '3000007', '--seed', '5'];
    // --array=1-3: an array that does not start at 0, numbered 0…2 by pi from SLURM_ARRAY_TASK_MIN.
    await exec('sbatch', ['--array=1-3', '--wait', `--chdir=${work}`, `--output=${join(work, 'pi-%A_%a.log')}`, recipe], {
      env: { ...env, PI_PARTS: parts, PI_SAMPLES: '3000007', PI_SEED: '5' },
      timeout: 90_000,
    }).catch(async (error: Error) => {
      const jobLogs = await readdir(work).then((names) =>
        Promise.all(names.filter((n) => n.endsWith('.log')).map(async (n) => `--- ${n}\n${await readFile(join(work, n), 'utf8')}`)),
      );
      const queue = await slurm('squeue', ['-o', '%i %T %r']).then(
        (r) => r.stdout,
        (e: Error) => e.message,
      );
      throw new Error(`sbatch failed: ${error.message}\n--- squeue\n${queue}\n${jobLogs.join('\n')}\n${await logs()}`);
    });
    expect((await readdir(parts)).filter((n) => n.endsWith('.json')).sort()).toEqual([
      'shard-0-of-3.json',
      'shard-1-of-3.json',
      'shard-2-of-3.json',
    ]);
    const merged = JSON.parse((await exec(process.execPath, [bin, 'merge', parts, '--json'])).stdout);
    const whole = JSON.parse((await exec(process.execPath, [bin, 'estimate', ...plan, '--json', '--shard', 'off'])).stdout);
    for (const key of ['inside', 'samples', 'pi', 'standardError', 'ci', 'plan', 'generator', 'seed'])
      expect(merged[key]).toEqual(whole[key]);
    expect(merged.details.shards).toBe(3);
  }, 120_000);

  it('a task requeued mid-run (scontrol requeue: SIGTERM, then a fresh start) resumes from its checkpoint, bit for bit', async () => {
    const work = join(dir, 'work-requeue');
    await mkdir(work);
    const parts = join(work, 'parts');
    const samples = '3000000017';
    const jid = (
      await exec('sbatch', ['--parsable', '--array=0-1', `--chdir=${work}`, `--output=${join(work, 'pi-%A_%a.log')}`, recipe], {
        env: { ...env, PI_PARTS: parts, PI_SAMPLES: samples, PI_SEED: '8', PI_CHECKPOINT_EVERY: '200ms' },
        timeout: 30_000,
      })
    ).stdout.trim();
    const checkpoint = join(parts, 'checkpoints', 'shard-0-of-2.json');
    const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { samples: number };
    await waitFor('task 0 writing a checkpoint', async () => (await readJson(checkpoint)).samples > 0, 90);
    await slurm('scontrol', ['requeue', `${jid}_0`]);
    const final = join(parts, 'shard-0-of-2.json');
    await waitFor(
      'both tasks completing',
      async () =>
        (await readJson(final))['status'] === 'completed' && (await readJson(join(parts, 'shard-1-of-2.json')))['status'] === 'completed',
      240,
    ).catch(async (error: Error) => {
      const jobLogs = await readdir(work).then((names) =>
        Promise.all(names.filter((n) => n.endsWith('.log')).map(async (n) => `--- ${n}\n${await readFile(join(work, n), 'utf8')}`)),
      );
      const queue = await slurm('squeue', ['-o', '%i %T %r']).then(
        (r) => r.stdout,
        (e: Error) => e.message,
      );
      throw new Error(`${error.message}\n--- squeue\n${queue}\n${jobLogs.join('\n')}\n${await logs()}`);
    });
    const shard0 = await readJson(final);
    expect((shard0['details'] as { resumedSamples?: number }).resumedSamples).toBeGreaterThan(0);
    const merged = JSON.parse((await exec(process.execPath, [bin, 'merge', parts, '--json'])).stdout);
    const whole = JSON.parse(
      (await exec(process.execPath, [bin, 'estimate', '-b', 'simd', '--samples', samples, '--seed', '8', '--json', '--shard', 'off']))
        .stdout,
    );
    for (const key of ['inside', 'samples', 'pi', 'plan', 'seed']) expect(merged[key]).toEqual(whole[key]);
  }, 360_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
