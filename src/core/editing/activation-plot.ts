/**
 * A small SVG plot of an activation function and its derivative over the activation's range, from the
 * core's one sampler (`sample-curves.ts`, shared with the gallery and the panel), for the hover (no network, no canvas).
 */
import { curveRange, sampleCurves } from '../activations/sample-curves';

/** Plot size in CSS pixels. */
export const PLOT_WIDTH = 220;
export const PLOT_HEIGHT = 130;

const SAMPLES = 161;
/** Colours readable on light, dark and high-contrast hover backgrounds. */
const F_COLOUR = '#3794ff';
const D_COLOUR = '#e07a10';
const AXIS_COLOUR = '#8c8c8c';

/** f and f′ over the activation's range, from the core's one sampler (a row-wise function is shown as its first output over the row (x, 0)). */
export function sampleActivation(name: string, params: Record<string, number> = {}): { x: number[]; f: number[]; d: number[]; range: [number, number] } {
  const range = curveRange(name, params);
  const c = sampleCurves(name, params, { count: SAMPLES, range });
  return { x: Array.from(c.xs), f: Array.from(c.f), d: Array.from(c.df), range };
}

/** The visible y range: covers both curves, clipped to [−4, 4] so steep functions stay readable. */
function yRange(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  let lo = Math.max(-4, Math.min(-1, ...finite));
  let hi = Math.min(4, Math.max(1, ...finite));
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

/** The SVG text of the plot of `name` (with `params`). */
export function activationPlotSvg(name: string, params: Record<string, number> = {}): string {
  const { x, f, d, range } = sampleActivation(name, params);
  const [xMin, xMax] = range;
  const [lo, hi] = yRange([...f, ...d]);
  const px = (v: number): number => ((v - xMin) / (xMax - xMin)) * PLOT_WIDTH;
  const py = (v: number): number => PLOT_HEIGHT - ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * PLOT_HEIGHT;
  const line = (ys: number[]): string =>
    ys
      .map((v, i) => (Number.isFinite(v) ? `${px(x[i]).toFixed(1)},${py(v).toFixed(1)}` : ''))
      .filter(Boolean)
      .join(' ');
  const zeroY = py(0).toFixed(1);
  const zeroX = px(0).toFixed(1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PLOT_WIDTH}" height="${PLOT_HEIGHT}" viewBox="0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}">`,
    `<title>${escapeXml(name)}: f and its derivative on [${xMin}, ${xMax}]</title>`,
    `<line x1="0" y1="${zeroY}" x2="${PLOT_WIDTH}" y2="${zeroY}" stroke="${AXIS_COLOUR}" stroke-width="1"/>`,
    `<line x1="${zeroX}" y1="0" x2="${zeroX}" y2="${PLOT_HEIGHT}" stroke="${AXIS_COLOUR}" stroke-width="1"/>`,
    `<polyline fill="none" stroke="${D_COLOUR}" stroke-width="1.5" stroke-dasharray="4 3" points="${line(d)}"/>`,
    `<polyline fill="none" stroke="${F_COLOUR}" stroke-width="2" points="${line(f)}"/>`,
    `<text x="4" y="12" font-family="sans-serif" font-size="11" fill="${F_COLOUR}">f(x)</text>`,
    `<text x="4" y="25" font-family="sans-serif" font-size="11" fill="${D_COLOUR}">f′(x)</text>`,
    `<text x="${PLOT_WIDTH - 4}" y="${PLOT_HEIGHT - 4}" text-anchor="end" font-family="sans-serif" font-size="10" fill="${AXIS_COLOUR}">x ∈ [${xMin}, ${xMax}]</text>`,
    '</svg>',
  ].join('');
}

/** The plot as a `data:image/svg+xml;base64,…` URI. */
export function activationPlotDataUri(name: string, params: Record<string, number> = {}): string {
  return `data:image/svg+xml;base64,${Buffer.from(activationPlotSvg(name, params), 'utf8').toString('base64')}`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
