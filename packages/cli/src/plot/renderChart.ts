import { extname } from 'node:path';
import { invalidArgument } from '@pi/core';
import { writeOutputFile } from '../ops/outputFile.js';

/** A Vega-Lite specification (kept loose: vega-lite validates it when compiling). */
export type ChartSpec = Record<string, unknown>;

/** The file types `--plot` and `pi plot --out` write. */
export const CHART_FORMATS = ['.svg', '.png'] as const;

/** Checks an output path for a chart and returns its format. */
export function chartFormat(option: string, file: string): '.svg' | '.png' {
  const ext = extname(file).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') throw invalidArgument(option, file, 'a file name ending in .svg or .png');
  return ext;
}

/** Renders a Vega-Lite chart to SVG text with Vega's headless view (no canvas, no browser). */
export async function chartToSvg(spec: ChartSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Writes a chart as SVG, or as PNG rendered from that SVG by resvg, at twice the size for sharpness:
 * atomically (see writeOutputFile), so a failure never leaves a 0-byte chart.
 */
export async function writeChart(spec: ChartSpec, file: string, option = '--out'): Promise<void> {
  writeOutputFile(option, file, await renderChart(spec, file, option));
}

/** A chart as the bytes of `file`'s format: SVG text, or PNG rendered from it by resvg at twice the size. */
export async function renderChart(spec: ChartSpec, file: string, option = '--out'): Promise<string | Uint8Array> {
  const format = chartFormat(option, file);
  const svg = await chartToSvg(spec);
  if (format === '.svg') return svg;
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  return png;
}
