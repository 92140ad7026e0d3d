import os from 'node:os';
import { defineCommand } from '../command.js';
import { SCHEMA_VERSION } from '../format.js';
import { jsonOption } from '../options.js';
import { registry } from '../registry.js';
import { createStyle } from '../_style.js';
import { wrapText } from '../_wrap.js';

export const command = defineCommand({
  name: 'info',
  summary: 'Show this machine: Node, CPU, cores, and which backends can run here.',
  usage: 'info [--json]',
  options: { json: { ...jsonOption, description: 'Print one JSON object' } },
  examples: ['pi info', 'pi info --json'],
  async run(args, io) {
    const cpus = os.cpus();
    const probes = await Promise.all(
      registry.list().map(async (d) => {
        const probe = await d.probe().catch((e: unknown) => ({ available: false, detail: e instanceof Error ? e.message : String(e) }));
        return { name: d.id, summary: d.summary, reproducible: d.reproducible, ...probe };
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
      // The GPU side (WebGPU adapter, tfjs backends): Dawn loads only here.
      gpu: await import('@pi/gpu-tf').then((g) => g.describeGpu()).catch((e: unknown) => ({ error: String((e as Error).message ?? e) })),
    };
    if (args.values.json === true) {
      io.stdout(`${JSON.stringify(info)}\n`);
      return 0;
    }
    const style = createStyle(io.color);
    const width = io.columns;
    const field = (label: string, text: string) =>
      wrapText(text, width - 8).map((line, i) => `${style.dim((i === 0 ? label : '').padEnd(8))}${line}`);
    const nameWidth = Math.max(...probes.map((p) => p.name.length)) + 2;
    const indent = 2 + 5 + nameWidth;
    const lines = [
      ...field('node', `${info.node} (V8 ${info.v8}, ${info.platform})`),
      ...field('cpu', info.cpuModel),
      ...field('cores', `${info.cores} (available parallelism ${info.availableParallelism}), ${info.memoryGiB} GiB memory`),
      '',
      style.bold('backends'),
      ...probes.flatMap((p) => [
        ...wrapText(p.summary, width - indent).map((line, i) =>
          i === 0
            ? `  ${p.available ? style.green('yes') : style.red('no ')}  ${p.name.padEnd(nameWidth)}${line}`
            : `${' '.repeat(indent)}${line}`,
        ),
        ...wrapText(p.detail, width - indent).map((line) => style.dim(`${' '.repeat(indent)}${line}`)),
      ]),
      '',
      style.bold('gpu'),
      ...('adapter' in info.gpu ? (await import('@pi/gpu-tf')).gpuInfoLines(info.gpu) : [info.gpu.error]).flatMap((l) =>
        wrapText(l, width - 4).map((line, i) => `${i === 0 ? '  ' : '    '}${line}`),
      ),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
});
