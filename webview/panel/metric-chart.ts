/**
 * A live per-epoch metric chart in TensorBoard's style, shared by the loss and accuracy charts:
 * the current run's training and validation series drawn bold after smoothing (debiased EMA) with the
 * raw values faint behind, earlier runs of the config faded and dashed, an optional log scale, and
 * tooltips giving epoch, value, smoothed value and wall time.
 */
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartDataset,
  type TooltipItem,
} from 'chart.js';
import './epoch-interaction';
import type { EpochReport } from '../../src/core/train/types';
import type { EpochHistory } from '../../src/protocol/view/epoch-history';
import { formatLoss, type PanelModel } from '../../src/protocol/view/panel-state';
import { clampSmoothing, RunningSmoother, smooth } from './smoothing';
import type { ViewPrefs } from './state';
import { themeColors, withAlpha, type ThemeColors } from '../common/theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/** One drawn point: epoch, shown (smoothed) value, raw value and seconds since the run started. */
export interface MetricPoint {
  x: number;
  y: number;
  raw: number;
  elapsed: number;
}

/** What a dataset stands for. */
export type SeriesRole = 'smoothed' | 'raw' | 'past' | 'best';

/** Which metric a chart shows. */
export interface MetricSpec {
  /** Axis title, e.g. `loss`. */
  axis: string;
  train: { label: string; value(r: EpochReport): number | undefined };
  validation: { label: string; value(r: EpochReport): number | undefined };
  /** The `testData` set's metric, on the epochs it was evaluated. */
  test: { label: string; value(r: EpochReport): number | undefined };
  /** Whether the log-scale preference applies. */
  logScale: boolean;
  /** Whether the smoothing preference applies (default true; the learning rate is drawn as it is). */
  smoothing?: boolean;
  /**
   * Where the best epoch of early stopping is marked once the run reports it (the loss chart: the
   * validation loss, else the training loss, of that epoch, raw); absent: no mark.
   */
  best?(r: EpochReport): number | undefined;
}

/** A dataset as the test hook reports it. */
export interface DatasetInfo {
  label: string;
  role: SeriesRole;
  /** Epochs the line covers (its last epoch; runs start at epoch 1). */
  points: number;
  /** Points actually drawn (bounded by the decimation, whatever the run's length). */
  drawn: number;
  hidden: boolean;
  /** The raw value of the line's last drawn point (undefined for an empty line). */
  last: number | undefined;
}

/** Builds the points of a (short, finished) series with smoothing `weight`; non-finite values leave gaps. */
function series(history: readonly EpochReport[], pick: (r: EpochReport) => number | undefined, weight: number): MetricPoint[] {
  const rows = history.filter((r) => pick(r) !== undefined);
  const raw = rows.map((r) => {
    const v = pick(r) as number;
    return Number.isFinite(v) ? v : NaN;
  });
  const smoothed = smooth(raw, weight);
  return rows.map((r, i) => ({ x: r.epoch, y: smoothed[i], raw: raw[i], elapsed: r.elapsed }));
}

/**
 * One metric of the current run, smoothed as epochs arrive: each frame smooths only the new epochs
 * (O(new)), and the drawn points are read at the history's decimated selection (O(buckets)), so the work
 * per update does not grow with the run's length. A reset of the history or a new weight starts over.
 */
class LiveSeries {
  private smoother = new RunningSmoother(0);
  /** Smoothed value per history index (undefined where the epoch has no value of this metric). */
  private smoothed: (number | undefined)[] = [];
  private upTo = 0;
  private generation = -1;

  constructor(private readonly pick: (r: EpochReport) => number | undefined) {}

  /** Brings the smoothing up to date with `history`. */
  sync(history: EpochHistory, weight: number, generation: number): void {
    if (generation !== this.generation || clampSmoothing(weight) !== this.smoother.weight || history.length < this.upTo) {
      this.smoother = new RunningSmoother(weight);
      this.smoothed = [];
      this.upTo = 0;
      this.generation = generation;
    }
    for (let i = this.upTo; i < history.length; i++) {
      const v = this.pick(history.at(i) as EpochReport);
      this.smoothed.push(v === undefined ? undefined : this.smoother.push(Number.isFinite(v) ? v : NaN));
    }
    this.upTo = history.length;
  }

  /** The points at the selected history indices. */
  points(history: EpochHistory, selection: readonly number[]): MetricPoint[] {
    const out: MetricPoint[] = [];
    for (const i of selection) {
      const y = this.smoothed[i];
      if (y === undefined) continue;
      const r = history.at(i) as EpochReport;
      const v = this.pick(r) as number;
      out.push({ x: r.epoch, y, raw: Number.isFinite(v) ? v : NaN, elapsed: r.elapsed });
    }
    return out;
  }
}

/** A chart of one metric over epochs. */
export class MetricChart {
  private readonly chart: Chart<'line', MetricPoint[]>;
  private roles: SeriesRole[] = [];
  /** Epochs each dataset covers. */
  private counts: number[] = [];
  private readonly live: { train: LiveSeries; validation: LiveSeries; test: LiveSeries };
  /** Series of finished runs, by run id and smoothing weight (they never change). */
  private pastSeries = new Map<string, MetricPoint[]>();
  private startedAt: number | undefined;
  private colors: ThemeColors = themeColors();
  /** The best-epoch mark, found once per run (a scan of the history when the run reports its best epoch). */
  private bestMark: { key: string; point: MetricPoint | undefined } | undefined;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly spec: MetricSpec,
  ) {
    this.live = { train: new LiveSeries(spec.train.value), validation: new LiveSeries(spec.validation.value), test: new LiveSeries(spec.test.value) };
    this.chart = new Chart<'line', MetricPoint[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        spanGaps: false,
        interaction: { mode: 'epoch', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } },
          y: { type: 'linear', title: { display: true, text: spec.axis } },
        },
        plugins: {
          legend: { labels: { filter: (item) => this.roles[item.datasetIndex ?? 0] !== 'raw' && !item.hidden, boxHeight: 2 } },
          tooltip: {
            filter: (item) => this.roles[item.datasetIndex] !== 'raw',
            callbacks: {
              title: (items) => (items.length ? `Epoch ${items[0].parsed.x}` : ''),
              label: (item) => this.tooltipLabel(item),
              footer: (items) => this.tooltipFooter(items),
            },
          },
        },
      },
    });
    this.applyTheme();
  }

  /**
   * Redraws from the panel model and the view preferences. Bounded work: the new epochs are smoothed, and
   * each line is rebuilt from the history's decimated `selection` (computed once per frame by the caller).
   */
  render(model: PanelModel, prefs: ViewPrefs, selection: readonly number[]): void {
    const c = this.colors;
    const w = this.spec.smoothing === false ? 0 : prefs.smoothing;
    const state = model.view;
    const history = model.history;
    this.startedAt = state.startedAt;
    const datasets: ChartDataset<'line', MetricPoint[]>[] = [];
    const roles: SeriesRole[] = [];
    const counts: number[] = [];
    const add = (role: SeriesRole, epochs: number, ds: ChartDataset<'line', MetricPoint[]>): void => {
      roles.push(role);
      counts.push(epochs);
      datasets.push({ pointRadius: 0, pointHoverRadius: 3, pointHitRadius: 6, tension: 0, ...ds });
    };
    const past = new Map<string, MetricPoint[]>();
    model.runs.forEach((run, i) => {
      const key = `${run.id}|${w}`;
      const data = this.pastSeries.get(key) ?? series(run.history, this.spec.train.value, w);
      past.set(key, data);
      const color = withAlpha(c.past[(model.runs.length - 1 - i) % c.past.length], c.highContrast ? 0.9 : 0.6);
      add('past', data[data.length - 1]?.x ?? 0, {
        label: `${run.label} (${this.spec.train.label.toLowerCase()})`,
        data,
        borderColor: color,
        backgroundColor: color,
        borderWidth: 1.5,
        borderDash: [5, 4],
        order: 3,
      });
    });
    this.pastSeries = past;
    const current = state.runLabel ? `${state.runLabel}: ` : '';
    const lines = [
      { spec: this.spec.train, live: this.live.train, color: c.train, show: true },
      { spec: this.spec.validation, live: this.live.validation, color: c.validation, show: state.hasValidation },
      { spec: this.spec.test, live: this.live.test, color: c.past[1] ?? c.validation, show: false },
    ];
    for (const { spec, live, color, show } of lines) {
      live.sync(history, w, model.generation);
      const data = live.points(history, selection);
      if (!show && data.length === 0) continue;
      const epochs = data[data.length - 1]?.x ?? 0;
      const faint = withAlpha(color, 0.25);
      add('raw', epochs, {
        label: `${spec.label} (raw)`,
        data: data.map((p) => ({ ...p, y: p.raw })),
        borderColor: faint,
        backgroundColor: faint,
        borderWidth: 1,
        hidden: w === 0,
        order: 2,
      });
      add('smoothed', epochs, { label: `${current}${spec.label}`, data, borderColor: color, backgroundColor: color, borderWidth: 2, order: 1 });
    }
    const mark = this.bestPoint(model);
    if (mark) {
      const restored = state.restoredEpoch === mark.x ? ', restored' : '';
      add('best', mark.x, {
        label: `Best epoch ${mark.x}${restored}`,
        data: [mark],
        borderColor: c.foreground,
        backgroundColor: withAlpha(c.foreground, 0.15),
        borderWidth: 2,
        pointRadius: 6,
        pointHoverRadius: 7,
        pointStyle: 'circle',
        showLine: false,
        order: 0,
      });
    }
    this.canvas.dataset.bestEpoch = mark ? String(mark.x) : '';
    this.roles = roles;
    this.counts = counts;
    this.chart.data.datasets = datasets;
    const y = this.chart.options.scales?.y;
    if (y) y.type = this.spec.logScale && prefs.logScale ? 'logarithmic' : 'linear';
    this.chart.update('none');
    this.markDrawn(history.last?.epoch ?? 0);
  }

  /** The point marking the run's best epoch (`bestEpoch` of early stopping), if the chart marks one and the run reported it. */
  private bestPoint(model: PanelModel): MetricPoint | undefined {
    const pick = this.spec.best;
    const epoch = model.view.bestEpoch;
    if (!pick || epoch === undefined) return undefined;
    const key = `${model.generation}|${epoch}|${model.history.length}`;
    if (this.bestMark?.key !== key) {
      let point: MetricPoint | undefined;
      const h = model.history;
      for (let i = h.length - 1; i >= 0; i--) {
        const r = h.at(i) as EpochReport;
        if (r.epoch !== epoch) continue;
        const v = pick(r);
        if (v !== undefined && Number.isFinite(v)) point = { x: r.epoch, y: v, raw: v, elapsed: r.elapsed };
        break;
      }
      this.bestMark = { key, point };
    }
    return this.bestMark.point;
  }

  /** Re-reads the theme's colours; call `render` afterwards to recolour the lines. */
  applyTheme(): void {
    this.colors = themeColors();
    const c = this.colors;
    const o = this.chart.options;
    for (const axis of [o.scales?.x, o.scales?.y]) {
      if (!axis) continue;
      axis.grid = { ...axis.grid, color: withAlpha(c.grid, c.highContrast ? 0.8 : 0.5) };
      axis.ticks = { ...axis.ticks, color: c.foreground };
      if ('title' in axis && axis.title) axis.title.color = c.foreground;
    }
    if (o.plugins?.legend?.labels) o.plugins.legend.labels.color = c.foreground;
    this.canvas.dataset.trainColor = c.train;
    this.chart.update('none');
  }

  /** The chart as a PNG data URL, on the panel's background (a transparent PNG reads badly elsewhere). */
  toPng(): string {
    const out = document.createElement('canvas');
    out.width = this.canvas.width;
    out.height = this.canvas.height;
    const ctx = out.getContext('2d');
    if (!ctx) return this.chart.toBase64Image();
    ctx.fillStyle = this.colors.background;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(this.canvas, 0, 0);
    return out.toDataURL('image/png');
  }

  /** The datasets as drawn, for the test hook. */
  datasets(): DatasetInfo[] {
    return this.chart.data.datasets.map((d, i) => ({
      label: d.label ?? '',
      role: this.roles[i],
      points: this.counts[i] ?? 0,
      drawn: d.data.length,
      hidden: Boolean(d.hidden),
      last: d.data[d.data.length - 1]?.raw,
    }));
  }

  /** The y scale's type (`linear` or `logarithmic`). */
  get scaleType(): string {
    return this.chart.scales.y?.type ?? 'linear';
  }

  private tooltipLabel(item: TooltipItem<'line'>): string {
    const p = item.raw as MetricPoint;
    const smoothed = this.roles[item.datasetIndex] === 'smoothed' && p.raw !== p.y ? ` · smoothed ${formatLoss(p.y)}` : '';
    return `${item.dataset.label ?? ''}: ${formatLoss(p.raw)}${smoothed}`;
  }

  private tooltipFooter(items: TooltipItem<'line'>[]): string {
    const mine = items.find((i) => this.roles[i.datasetIndex] === 'smoothed');
    if (!mine) return '';
    const p = mine.raw as MetricPoint;
    const clock = this.startedAt !== undefined ? `${new Date(this.startedAt + p.elapsed * 1000).toLocaleTimeString()} · ` : '';
    return `Wall time ${clock}${p.elapsed.toFixed(2)} s after start`;
  }

  private markDrawn(points: number): void {
    const area = this.chart.chartArea;
    this.canvas.dataset.points = String(points);
    if (area) this.canvas.dataset.plotArea = [area.left, area.top, area.right, area.bottom].map(Math.round).join(',');
  }
}
