/**
 * The model's decision surface over the 2-D input plane, as TensorFlow Playground shows it: a heatmap
 * of the output (class colours from the theme, fading to the background where the model is unsure)
 * with the training points on top.
 */
import type { DecisionSurface } from '../../src/protocol/panel';
import { fitCanvas } from '../common/canvas-size';
import { rgb, type ThemeColors } from '../common/theme';

type Rgb = [number, number, number];

/** Linear mix of two colours, t ∈ [0, 1]. */
function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const u = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

/** The colour of one cell: two classes (or regression) shade from class 0 through the background to class 1. */
function cellColor(v: number, surface: DecisionSurface, classes: Rgb[], bg: Rgb, lo: number, hi: number): Rgb {
  if (surface.classes > 2) return mix(classes[Math.round(v) % classes.length], bg, 0.45);
  const p = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  return p < 0.5 ? mix(classes[0], bg, 0.25 + 1.5 * p) : mix(bg, classes[1], (p - 0.5) * 1.5);
}

/** Draws `surface` on `canvas` at `side` CSS pixels square. */
export function drawDecisionSurface(canvas: HTMLCanvasElement, surface: DecisionSurface, colors: ThemeColors, side: number): void {
  const ctx = fitCanvas(canvas, side, side);
  if (!ctx || surface.size < 1 || surface.values.length < surface.size * surface.size) return;
  const classes = colors.classes.map(rgb);
  const bg = rgb(colors.background);
  const oneOutput = surface.classes <= 2;
  const lo = oneOutput && surface.classes < 2 ? Math.min(...surface.values) : 0;
  const hi = oneOutput && surface.classes < 2 ? Math.max(...surface.values) : 1;
  const n = surface.size;
  const cells = document.createElement('canvas');
  cells.width = n;
  cells.height = n;
  const cctx = cells.getContext('2d');
  if (!cctx) return;
  const img = cctx.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, g, b] = cellColor(surface.values[i], surface, classes, bg, lo, hi);
    img.data.set([r, g, b, 255], i * 4);
  }
  cctx.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, 0, 0, side, side);
  const sx = (x: number): number => ((x - surface.xMin) / (surface.xMax - surface.xMin)) * side;
  const sy = (y: number): number => ((surface.yMax - y) / (surface.yMax - surface.yMin)) * side;
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.foreground;
  for (const p of surface.points) {
    const c = surface.classes >= 2 ? colors.classes[p.c % colors.classes.length] : p.c > (lo + hi) / 2 ? colors.classes[1] : colors.classes[0];
    ctx.fillStyle = c;
    ctx.beginPath();
    ctx.arc(sx(p.x), sy(p.y), 3, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

/** A sentence describing the surface for screen readers. */
export function describeSurface(surface: DecisionSurface, epoch: number): string {
  const classes = Math.max(2, surface.classes);
  return `Decision surface at epoch ${epoch}: ${classes} classes over x ${surface.xMin}…${surface.xMax}, y ${surface.yMin}…${surface.yMax}, with ${surface.points.length} training points.`;
}
