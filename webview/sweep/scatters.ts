/**
 * A small scatter per parameter: the metric (up: the better end) against the parameter's value on
 * the same axis as the parallel-coordinates plot (linear, log or categorical). Runs outside the
 * brushes are faint. Plain canvas; a scatter is redrawn only when asked.
 */
import type { SweepRow } from '../../src/protocol/sweep';
import { axisPosition, axisTicks, axisValueOf, type SweepAxis } from '../../src/protocol/view/sweep-view';
import { fitCanvas } from '../common/canvas-size';
import { cssVar, rgb, withAlpha } from '../common/theme';
import { metricColor } from './parallel-coords';

const W = 200;
const H = 130;
const PAD = { left: 8, right: 8, top: 8, bottom: 22 };

/** The scatters, one figure per parameter in `host`. */
export class Scatters {
  private canvases = new Map<string, HTMLCanvasElement>();

  constructor(private readonly host: HTMLElement) {}

  /** Draws one scatter per parameter axis against `metric` (the metric's axis); `higherBetter` when a larger metric is better. */
  draw(parameters: readonly SweepAxis[], metric: SweepAxis, rows: readonly SweepRow[], visible: ReadonlySet<number>, higherBetter: boolean): void {
    const keys = parameters.map((p) => p.key).join('\n');
    if ([...this.canvases.keys()].join('\n') !== keys) this.build(parameters);
    const muted = cssVar('--vscode-descriptionForeground', '#999999');
    const best = rgb(cssVar('--vscode-charts-blue', '#3794ff'));
    const worst = rgb(cssVar('--vscode-charts-orange', '#d18616'));
    for (const axis of parameters) {
      const canvas = this.canvases.get(axis.key);
      const ctx = canvas && fitCanvas(canvas, W, H);
      if (!ctx) continue;
      const x0 = PAD.left;
      const x1 = W - PAD.right;
      const y0 = H - PAD.bottom;
      const y1 = PAD.top;
      ctx.strokeStyle = withAlpha(muted, 0.6);
      ctx.strokeRect(x0 - 0.5, y1 - 0.5, x1 - x0 + 1, y0 - y1 + 1);
      ctx.fillStyle = muted;
      ctx.font = `10px ${cssVar('--vscode-font-family', 'sans-serif')}`;
      ctx.textBaseline = 'top';
      for (const t of axisTicks(axis)) {
        const x = x0 + t.at * (x1 - x0);
        ctx.textAlign = t.at <= 0.01 ? 'left' : t.at >= 0.99 ? 'right' : 'center';
        ctx.fillText(t.label.length > 10 ? `${t.label.slice(0, 9)}…` : t.label, x, y0 + 4);
      }
      let drawn = 0;
      for (const row of rows) {
        const px = axisPosition(axis, axisValueOf(row, axis));
        const m = axisPosition(metric, axisValueOf(row, metric));
        if (px === undefined || m === undefined) continue;
        const good = higherBetter ? m : 1 - m;
        const shown = visible.has(row.index);
        ctx.fillStyle = shown ? metricColor(good, best, worst) : withAlpha(muted, 0.25);
        ctx.beginPath();
        // Up is better: the better end of the metric at the top.
        ctx.arc(x0 + px * (x1 - x0), y0 - good * (y0 - y1), shown ? 3 : 2, 0, 2 * Math.PI);
        ctx.fill();
        drawn++;
      }
      canvas.dataset.points = String(drawn);
    }
  }

  private build(parameters: readonly SweepAxis[]): void {
    this.canvases.clear();
    this.host.replaceChildren(
      ...parameters.map((p) => {
        const figure = document.createElement('figure');
        figure.className = 'scatter';
        const caption = document.createElement('figcaption');
        caption.textContent = `${p.label}${p.kind === 'log' ? ' (log)' : ''}`;
        const canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `The metric against ${p.label}, better up`);
        canvas.dataset.key = p.key;
        figure.append(caption, canvas);
        this.canvases.set(p.key, canvas);
        return figure;
      }),
    );
  }
}
