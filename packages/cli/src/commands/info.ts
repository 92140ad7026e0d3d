import os from 'node:os';
import { backends } from '../backends.js';
import type { Command } from '../command.js';
import { SCHEMA_VERSION } from '../format.js';
import { flag } from '../_parseArgs.js';
import { createStyle } from '../_style.js';

export const command: Command = {
  name: 'info',
  summary: 'Show this machine: Node, CPU, cores, and which backends can run here.',
  usage: 'info [--json]',
  options: { json: { type: 'boolean', description: 'Print one JSON object' } },
  examples: ['pi info', 'pi info --json'],
  async run(args, io) {
    const cpus = os.cpus();
    const probes = await Promise.all(
      Object.entries(backends).map(async ([name, entry]) => {
        const probe = await entry.probe().catch((e: unknown) => ({ available: false, detail: String((e as Error).message ?? e) }));
        return { name, summary: entry.summary, reproducible: entry.reproducible, ...probe };
      }),
    );
    const info = {
      schemaVersion: SCHEMA_VERSION,
      node: process.version,
      v8: process.versions.v8,
      platform: `${process.platform} ${process.arch}`,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      availableParallelism: os.availableParallelism(),
      memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
      backends: probes,
      // The GPU side (WebGPU adapter, tfjs backends): @pi/gpu-tf and Dawn load only here.
      gpu: await import('@pi/gpu-tf').then((g) => g.describeGpu()).catch((e: unknown) => ({ error: String((e as Error).message ?? e) })),
    };
    if (flag(args, 'json')) {
      io.stdout(`${JSON.stringify(info)}\n`);
      return 0;
    }
    const style = createStyle(io.color);
    const lines = [
      `${style.dim('node    ')}${info.node} (V8 ${info.v8}, ${info.platform})`,
      `${style.dim('cpu     ')}${info.cpuModel}`,
      `${style.dim('cores   ')}${info.cores} (available parallelism ${info.availableParallelism}), ${info.memoryGiB} GiB memory`,
      '',
      style.bold('backends'),
      ...probes.map(
        (p) =>
          `  ${p.available ? style.green('yes') : style.red('no ')}  ${p.name.padEnd(9)} ${p.summary}${style.dim(` — ${p.detail}`)}`,
      ),
      '',
      style.bold('gpu'),
      ...('adapter' in info.gpu ? (await import('@pi/gpu-tf')).gpuInfoLines(info.gpu) : [info.gpu.error]).map((l) => `  ${l}`),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
