/**
 * The parallel-coordinates plot on a canvas: one vertical axis per parameter and one for the metric,
 * a line per run coloured by its metric (best: the theme's blue, worst: its orange), runs outside the
 * brushes faint. Dragging along an axis brushes it (the runs filter); a click on an axis clears its
 * brush. After each draw the canvas carries `data-axes` (JSON: key, x, top, bottom in CSS pixels) for tests.
 */
import type { SweepRow } from '../../src/protocol/sweep';
import { axisPosition, axisTicks, axisValueOf, type SweepAxis, type SweepBrush } from '../../src/protocol/view/sweep-view';
import { fitCanvas } from '../common/canvas-size';
import { cssVar, rgb, withAlpha } from '../common/theme';

/** Where an axis was drawn, in CSS pixels of the canvas. */
export interface AxisPlace {
  key: string;
  x: number;
  top: number;
  bottom: number;
}

const MARGIN = { top: 30, bottom: 22, left: 16, right: 70 };
/** How close (CSS px) to an axis a drag must start to brush it. */
const GRAB = 18;

/** The colour between `worst` and `best` at `t` (0 worst … 1 best), as CSS. */
export function metricColor(t: number, best: [number, number, number], worst: [number, number, number]): string {
  const mix = (i: number): number => Math.round(worst[i] + (best[i] - worst[i]) * Math.min(1, Math.max(0, t)));
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** The plot and its brushing. */
export class ParallelCoords {
  private axes: SweepAxis[] = [];
  private places: AxisPlace[] = [];
  private drag: { key: string; from: number; to: number; moved: boolean } | undefined;
  /** Pointer events seen (down, move, up) and drags that ended on an axis, for tests. */
  readonly pointer = { down: 0, move: 0, up: 0, brushed: 0 };
  private last:
    { rows: readonly SweepRow[]; brushes: readonly SweepBrush[]; visible: ReadonlySet<number>; best: number | undefined; higherBetter: boolean } | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onBrush: (key: string, lo: number, hi: number) => void,
  ) {
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', (e) => this.up(e));
    canvas.addEventListener('pointercancel', () => {
      this.drag = undefined;
      this.redraw();
    });
  }

  /** Where each axis was last drawn. */
  get axisPlaces(): AxisPlace[] {
    return this.places.map((p) => ({ ...p }));
  }

  /**
   * Draws `rows` over `axes` (the last one the metric's); rows whose index is not in `visible` are faint.
   * `best` (an index) is drawn thick, on top; `higherBetter` when a larger metric is better.
   */
  draw(
    axes: SweepAxis[],
    rows: readonly SweepRow[],
    brushes: readonly SweepBrush[],
    visible: ReadonlySet<number>,
    best: number | undefined,
    higherBetter: boolean,
  ): void {
    this.axes = axes;
    this.last = { rows, brushes, visible, best, higherBetter };
    const width = this.canvas.clientWidth || 600;
    const height = this.canvas.clientHeight || 300;
    const ctx = fitCanvas(this.canvas, width, height);
    if (!ctx) return;
    const top = MARGIN.top;
    const bottom = height - MARGIN.bottom;
    const span = Math.max(1, width - MARGIN.left - MARGIN.right);
    this.places = axes.map((a, i) => ({ key: a.key, x: MARGIN.left + (axes.length === 1 ? span / 2 : (i * span) / (axes.length - 1)), top, bottom }));
    const yOf = (p: number): number => bottom - p * (bottom - top);
    const fg = cssVar('--vscode-foreground', '#cccccc');
    const muted = cssVar('--vscode-descriptionForeground', '#999999');
    const bestRgb = rgb(cssVar('--vscode-charts-blue', '#3794ff'));
    const worstRgb = rgb(cssVar('--vscode-charts-orange', '#d18616'));
    const bad = cssVar('--vscode-charts-red', '#f14c4c');
    const metricAxis = axes[axes.length - 1];
    const faint = withAlpha(muted, 0.15);
    // Lines: filtered-out runs first (faint), then the others, the best last.
    const ordered = [...rows].sort(
      (a, b) => Number(visible.has(a.index)) - Number(visible.has(b.index)) || Number(a.index === best) - Number(b.index === best),
    );
    for (const row of ordered) {
      const shown = visible.has(row.index);
      let color = faint;
      if (shown) {
        const m = axisPosition(metricAxis, axisValueOf(row, metricAxis));
        if (row.status === 'diverged' || row.status === 'failed') color = bad;
        else if (m === undefined) color = withAlpha(muted, 0.6);
        else color = metricColor(higherBetter ? m : 1 - m, bestRgb, worstRgb);
      }
      ctx.strokeStyle = color;
      ctx.lineWidth = row.index === best && shown ? 3 : 1.25;
      ctx.setLineDash(row.status === 'running' || row.status === 'diverged' ? [4, 3] : []);
      ctx.beginPath();
      let pen = false;
      axes.forEach((axis, i) => {
        const p = axisPosition(axis, axisValueOf(row, axis));
        if (p === undefined) {
          pen = false;
          return;
        }
        if (pen) ctx.lineTo(this.places[i].x, yOf(p));
        else ctx.moveTo(this.places[i].x, yOf(p));
        pen = true;
      });
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // Axes, their brushes, ticks and titles.
    ctx.font = `11px ${cssVar('--vscode-font-family', 'sans-serif')}`;
    axes.forEach((axis, i) => {
      const { x } = this.places[i];
      const brush =
        this.drag?.key === axis.key
          ? { lo: Math.min(this.drag.from, this.drag.to), hi: Math.max(this.drag.from, this.drag.to) }
          : brushes.find((b) => b.key === axis.key);
      if (brush) {
        ctx.fillStyle = withAlpha(cssVar('--vscode-focusBorder', '#007fd4'), 0.3);
        ctx.fillRect(x - 7, yOf(brush.hi), 14, yOf(brush.lo) - yOf(brush.hi));
      }
      ctx.strokeStyle = fg;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.fillStyle = muted;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      for (const t of axisTicks(axis)) {
        ctx.fillRect(x - 3, yOf(t.at) - 0.5, 6, 1);
        ctx.fillText(t.label.length > 12 ? `${t.label.slice(0, 11)}…` : t.label, x + 5, yOf(t.at));
      }
      ctx.fillStyle = fg;
      ctx.textAlign = i === 0 ? 'left' : i === axes.length - 1 ? 'right' : 'center';
      ctx.textBaseline = 'bottom';
      const title = axis.kind === 'log' ? `${axis.label} (log)` : axis.label;
      ctx.fillText(title, i === 0 ? Math.max(0, x - 8) : i === axes.length - 1 ? width - 2 : x, top - 10);
    });
    this.canvas.dataset.axes = JSON.stringify(this.places);
  }

  private redraw(): void {
    const l = this.last;
    if (!l) return;
    this.draw(this.axes, l.rows, l.brushes, l.visible, l.best, l.higherBetter);
  }

  /** The position (0 bottom … 1 top) of a pointer event's y, and the axis it is near, if any. */
  private locate(e: PointerEvent): { key: string | undefined; p: number } {
    const box = this.canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const place = this.places.find((a) => Math.abs(a.x - x) <= GRAB);
    const top = place?.top ?? MARGIN.top;
    const bottom = place?.bottom ?? box.height - MARGIN.bottom;
    return { key: place?.key, p: Math.min(1, Math.max(0, (bottom - y) / Math.max(1, bottom - top))) };
  }

  private down(e: PointerEvent): void {
    this.pointer.down++;
    const { key, p } = this.locate(e);
    if (!key) return;
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = { key, from: p, to: p, moved: false };
  }

  private move(e: PointerEvent): void {
    this.pointer.move++;
    if (!this.drag) return;
    const { p } = this.locate(e);
    this.drag.to = p;
    if (Math.abs(this.drag.to - this.drag.from) > 0.01) this.drag.moved = true;
    this.redraw();
  }

  private up(e: PointerEvent): void {
    this.pointer.up++;
    const drag = this.drag;
    if (!drag) return;
    this.drag = undefined;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    drag.to = this.locate(e).p;
    // A click (no drag) clears the axis' brush: an empty interval.
    this.pointer.brushed++;
    if (drag.moved) this.onBrush(drag.key, drag.from, drag.to);
    else this.onBrush(drag.key, drag.from, drag.from);
  }
}
