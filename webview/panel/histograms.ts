/**
 * Live inside the network: for every layer, bar histograms of its activations and of its weights at
 * the latest epoch (from the host's `snapshot`), under its output shape and parameter count. Each histogram
 * also has a text description.
 */
import type { Histogram, NetworkSnapshot } from '../../src/protocol/panel';
import { fitCanvas } from '../common/canvas-size';
import { describeHistogram, layerSummary, short } from './histogram-text';
import type { ThemeColors } from '../common/theme';

const HEIGHT = 72;

/** Draws one histogram's bars with its range under them. */
function drawHistogram(canvas: HTMLCanvasElement, h: Histogram, color: string, colors: ThemeColors): void {
  const width = Math.max(80, canvas.parentElement?.clientWidth ?? 160);
  const ctx = fitCanvas(canvas, width, HEIGHT);
  if (!ctx) return;
  const plotH = HEIGHT - 16;
  const peak = Math.max(1, ...h.counts);
  const bw = width / Math.max(1, h.counts.length);
  ctx.fillStyle = color;
  h.counts.forEach((c, i) => {
    const bh = (c / peak) * (plotH - 2);
    ctx.fillRect(i * bw + 0.5, plotH - bh, Math.max(1, bw - 1), bh);
  });
  ctx.strokeStyle = colors.grid;
  ctx.beginPath();
  ctx.moveTo(0, plotH + 0.5);
  ctx.lineTo(width, plotH + 0.5);
  ctx.stroke();
  ctx.fillStyle = colors.muted;
  ctx.font = `10px ${getComputedStyle(document.body).fontFamily}`;
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(short(h.min), 0, HEIGHT);
  ctx.textAlign = 'right';
  ctx.fillText(short(h.max), width, HEIGHT);
}

/** One histogram figure: caption, canvas, text alternative. */
function histogramFigure(name: string, h: Histogram, color: string, colors: ThemeColors): HTMLElement {
  const fig = document.createElement('figure');
  fig.className = 'histogram';
  const cap = document.createElement('figcaption');
  cap.textContent = name;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', describeHistogram(name, h));
  fig.append(cap, canvas);
  requestAnimationFrame(() => drawHistogram(canvas, h, color, colors));
  return fig;
}

/** Renders every layer of `snapshot` into `container`; returns how many layers were drawn. */
export function renderHistograms(container: HTMLElement, snapshot: NetworkSnapshot | undefined, colors: ThemeColors): number {
  if (!snapshot) {
    container.replaceChildren();
    return 0;
  }
  container.replaceChildren(
    ...snapshot.layers.map((layer) => {
      const row = document.createElement('div');
      row.className = 'layer';
      const title = document.createElement('h3');
      title.textContent = layer.label;
      const summary = layerSummary(layer);
      if (summary) {
        const note = document.createElement('span');
        note.className = 'layer-shape';
        note.textContent = ` ${summary}`;
        title.append(note);
      }
      row.append(title, histogramFigure('activations', layer.activations, colors.train, colors));
      // A layer without parameters (dropout, an activation layer) has no weights to show.
      if (layer.weights.counts.some((c) => c > 0)) row.append(histogramFigure('weights', layer.weights, colors.past[0], colors));
      return row;
    }),
  );
  return snapshot.layers.length;
}
