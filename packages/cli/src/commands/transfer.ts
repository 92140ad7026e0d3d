import { invalidArgument } from '@pi/core';
import { defineCommand } from '../command.js';
import { stoppedExitCode } from '../ops/signals.js';
import { SCHEMA_VERSION } from '../format.js';
import { integerParser, jsonOption } from '../options.js';
import { createStyle } from '../_style.js';
import { createProgressBar } from '../progressBar.js';

export const command = defineCommand({
  name: 'transfer',
  summary: "The seed's increment_by_one on WebGPU: copy to the device and back around every launch, vs keep the array there.",
  usage: 'transfer [--length N] [--launches K] [--json]',
  options: {
    length: {
      type: 'string',
      valueName: 'N',
      description: 'Array elements (float32), 1 to 16,777,216',
      defaultText: '10000',
      parse: integerParser(1, 2 ** 24),
    },
    launches: {
      type: 'string',
      valueName: 'K',
      description: 'Kernel launches, 1 to 10,000',
      defaultText: '25',
      parse: integerParser(1, 10_000),
    },
    json: { ...jsonOption, description: 'Print one JSON object' },
  },
  examples: ['pi transfer', 'pi transfer --length 1000000 --launches 100 --json'],
  async run(args, io) {
    const { length = 10_000, launches = 25 } = args.values;
    const gpu = await import('@pi/gpu-tf');
    const { device, summary } = await gpu.openNodeGpu();
    // The device's own limit on the array: a length past it is a usage error naming both.
    const most = gpu.maxTransferLength(device.limits);
    if (length > most)
      throw invalidArgument('--length', String(length), `an integer in [1, ${most}] (${summary.name}'s buffer and dispatch limits)`);
    // One bar a way: a round trip costs far more than a launch kept on the device, so each has its own ETA.
    const quiet = args.values.json === true;
    let bar: { phase: string; progress: ReturnType<typeof createProgressBar> } | undefined;
    const r = await gpu
      .runTransferDemo(device, {
        length,
        launches,
        signal: io.signal,
        onProgress: (p) => {
          if (bar?.phase !== p.phase) {
            bar?.progress.done();
            bar = { phase: p.phase, progress: createProgressBar(io, `transfer: ${p.phase}`, { quiet, unit: 'launches' }) };
          }
          bar.progress.update({ samplesDone: p.launchesDone, samplesTotal: p.launches, inside: 0, elapsedSeconds: p.elapsedSeconds });
        },
      })
      .finally(() => bar?.progress.done());
    if (args.values.json === true) {
      io.stdout(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, adapter: summary.name, software: summary.software, ...r })}\n`);
    } else {
      const style = createStyle(io.color);
      const ms = (s: number) => `${(s * 1000).toFixed(2)} ms`;
      io.stdout(
        [
          `${style.dim('adapter         ')}${summary.name}`,
          `${style.dim('kernel          ')}increment_by_one on ${length.toLocaleString('en-US')} float32, ${launches} launches`,
          `${style.dim('round trips     ')}${ms(r.roundTripSeconds)}  (copy in, launch, copy out, every time)`,
          `${style.dim('kept on device  ')}${ms(r.keptOnDeviceSeconds)}  (copy in once, ${launches} launches, copy out once)`,
          `${style.dim('ratio           ')}${style.bold(`${r.ratio.toFixed(1)}×`)} slower with round trips${r.correct ? '' : style.red('  (WRONG VALUES)')}`,
          '',
        ].join('\n'),
      );
    }
    if (r.status === 'aborted') return stoppedExitCode(io.signal);
    return r.correct ? 0 : 1;
  },
});
