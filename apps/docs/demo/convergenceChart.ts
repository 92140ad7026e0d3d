import type { ConvergencePoint } from './runDemo.ts';

/** Geometry of the chart, in SVG user units. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels. */
  readonly left: number;
  readonly bottom: number;
}

/** What the SVG draws: the estimate, its 95% band, the line y = π, and the axis ends. */
export interface ChartPaths {
  readonly estimate: string;
  readonly band: string;
  readonly piY: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly xMax: number;
}

/**
 * Scales convergence points into SVG paths. x is samples (linear, 0 to the plan's total); y is centred
 * on π and wide enough for every estimate and the band after the first point (whose band is widest and
 * would flatten the rest), but never narrower than ±0.001.
 */
export function chartPaths(points: readonly ConvergencePoint[], total: number, box: ChartBox): ChartPaths {
  const plotWidth = box.width - box.left;
  const plotHeight = box.height - box.bottom;
  let spread = 0.001;
  points.forEach((p, i) => {
    const reach = Math.max(
      Math.abs(p.pi - Math.PI),
      i === 0 && points.length > 2 ? 0 : Math.max(Math.PI - p.ci.lower, p.ci.upper - Math.PI),
    );
    if (Number.isFinite(reach)) spread = Math.max(spread, reach);
  });
  spread *= 1.15;
  const yMin = Math.PI - spread;
  const yMax = Math.PI + spread;
  const x = (samples: number) => box.left + (plotWidth * samples) / Math.max(1, total);
  const y = (value: number) => plotHeight * (1 - (Math.min(yMax, Math.max(yMin, value)) - yMin) / (yMax - yMin));
  const f = (n: number) => n.toFixed(1);
  const estimate = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(x(p.samples))},${f(y(p.pi))}`).join(' ');
  const upper = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(x(p.samples))},${f(y(p.ci.upper))}`);
  const lower = points.map((p) => `L${f(x(p.samples))},${f(y(p.ci.lower))}`).reverse();
  const band = points.length === 0 ? '' : `${upper.join(' ')} ${lower.join(' ')} Z`;
  return { estimate, band, piY: y(Math.PI), yMin, yMax, xMax: total };
}
