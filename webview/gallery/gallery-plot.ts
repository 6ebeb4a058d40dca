/**
 * Draws one activation's curves on a plain canvas: axes, a light grid, f (solid), f′ (dashed)
 * and f″ (dotted), in the VS Code theme's chart colours. Sized to its box and the device pixel ratio.
 */
import { cssVar } from '../common/theme';
import type { Curves } from './gallery-sampling';

/** Colours of a plot, read from the theme's CSS variables. */
export interface PlotColors {
  f: string;
  df: string;
  d2f: string;
  axis: string;
  grid: string;
  text: string;
}

/** The current theme's plot colours (re-read after a theme change). */
export function readPlotColors(): PlotColors {
  return {
    f: cssVar('--vscode-charts-blue', '#3794ff'),
    df: cssVar('--vscode-charts-orange', '#d18616'),
    d2f: cssVar('--vscode-charts-purple', '#b180d7'),
    axis: cssVar('--vscode-foreground', '#cccccc'),
    grid: cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)'),
    text: cssVar('--vscode-descriptionForeground', '#9d9d9d'),
  };
}

/** The y range shown: every finite value with a margin, clamped to [−10, 10] so a steep curve stays readable. */
function yRange(series: Float64Array[]): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const s of series)
    for (const v of s)
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo)) return [-1, 1];
  lo = Math.max(Math.min(lo, 0), -10);
  hi = Math.min(Math.max(hi, 0), 10);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** Draws `curves` on `canvas` (cleared first). */
export function drawCurves(canvas: HTMLCanvasElement, curves: Curves, colors: PlotColors): void {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 260,
    height = canvas.clientHeight || 160;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const { xs } = curves;
  const x0 = xs[0],
    x1 = xs[xs.length - 1];
  const [y0, y1] = yRange(curves.d2f ? [curves.f, curves.df, curves.d2f] : [curves.f, curves.df]);
  const px = (x: number): number => ((x - x0) / (x1 - x0)) * width;
  const py = (y: number): number => height - ((y - y0) / (y1 - y0)) * height;
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.grid;
  ctx.beginPath();
  for (let gx = Math.ceil(x0); gx <= x1; gx++) {
    ctx.moveTo(px(gx), 0);
    ctx.lineTo(px(gx), height);
  }
  ctx.stroke();
  ctx.strokeStyle = colors.axis;
  ctx.beginPath();
  if (y0 <= 0 && y1 >= 0) {
    ctx.moveTo(0, py(0));
    ctx.lineTo(width, py(0));
  }
  if (x0 <= 0 && x1 >= 0) {
    ctx.moveTo(px(0), 0);
    ctx.lineTo(px(0), height);
  }
  ctx.stroke();
  ctx.fillStyle = colors.text;
  ctx.font = '10px sans-serif';
  ctx.fillText(`x ∈ [${x0}, ${x1}]`, 4, height - 4);
  ctx.fillText(`y ∈ [${y0.toFixed(1)}, ${y1.toFixed(1)}]`, 4, 12);
  const line = (ys: Float64Array, color: string, dash: number[], lineWidth: number): void => {
    ctx.strokeStyle = color;
    ctx.setLineDash(dash);
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const v = ys[i];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const cy = Math.max(-2, Math.min(height + 2, py(v)));
      if (pen) ctx.lineTo(px(xs[i]), cy);
      else ctx.moveTo(px(xs[i]), cy);
      pen = true;
    }
    ctx.stroke();
  };
  if (curves.d2f) line(curves.d2f, colors.d2f, [2, 3], 1.5);
  line(curves.df, colors.df, [6, 4], 1.5);
  line(curves.f, colors.f, [], 2.5);
  ctx.setLineDash([]);
}
