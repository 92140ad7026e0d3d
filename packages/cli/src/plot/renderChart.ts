import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { invalidArgument } from '@pi/core';

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

/** Writes a chart as SVG, or as PNG rendered from that SVG by resvg, at twice the size for sharpness. */
export async function writeChart(spec: ChartSpec, file: string, option = '--out'): Promise<void> {
  const format = chartFormat(option, file);
  const svg = await chartToSvg(spec);
  if (format === '.svg') {
    await writeFile(file, svg);
    return;
  }
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  await writeFile(file, png);
}
