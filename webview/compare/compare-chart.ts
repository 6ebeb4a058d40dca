/**
 * The comparison chart: one training-loss line per optimizer (epoch 0 is the shared initial
 * loss), drawn with chart.js (bundled), colours from the theme, a linear or logarithmic y axis.
 * After each redraw the canvas carries `data-series` (JSON: optimizer, points, last loss) for tests.
 */
import { Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import { epochsOf, type CompareSeries } from '../../src/protocol/compare';
import { cssVar } from '../common/theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

interface Point {
  x: number;
  y: number;
}

const PALETTE: [string, string][] = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-yellow', '#cca700'],
  ['--vscode-charts-foreground', '#cccccc'],
];
const DASHES: number[][] = [[], [6, 4], [2, 3]];

/** The colour and dash of the i-th series (colours cycle; each cycle changes the dash). */
export function styleOf(i: number): { color: string; dash: number[] } {
  const [name, fallback] = PALETTE[i % PALETTE.length];
  return { color: cssVar(name, fallback), dash: DASHES[Math.floor(i / PALETTE.length) % DASHES.length] };
}

/** The points of one series: (0, initial loss) then (epoch, loss); non-finite values leave a gap. */
export function pointsOf(s: CompareSeries, logScale: boolean): Point[] {
  const ok = (v: number): number => (Number.isFinite(v) && (!logScale || v > 0) ? v : NaN);
  const points: Point[] = s.initialLoss !== undefined ? [{ x: 0, y: ok(s.initialLoss) }] : [];
  s.losses.forEach((loss, i) => points.push({ x: s.lossEpochs?.[i] ?? i + 1, y: ok(loss) }));
  return points;
}

/** The overlaid loss curves. */
export class CompareChart {
  private readonly chart: Chart<'line', Point[]>;
  private logScale = false;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        spanGaps: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } },
          y: { type: 'linear', title: { display: true, text: 'training loss' } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    this.applyTheme();
  }

  /** Switches the y axis between linear and logarithmic. */
  setLogScale(on: boolean, series: readonly CompareSeries[]): void {
    this.logScale = on;
    const y = this.chart.options.scales?.y;
    if (y) (y as { type: string }).type = on ? 'logarithmic' : 'linear';
    this.show(series);
  }

  /** Re-reads the theme's colours (after a theme change). */
  applyTheme(): void {
    const text = cssVar('--vscode-foreground', '#cccccc');
    const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)');
    for (const axis of [this.chart.options.scales?.x, this.chart.options.scales?.y]) {
      if (!axis) continue;
      axis.ticks = { ...axis.ticks, color: text };
      axis.grid = { ...axis.grid, color: grid };
      const title = (axis as { title?: { color?: string } }).title;
      if (title) title.color = text;
    }
    const legend = this.chart.options.plugins?.legend;
    if (legend) legend.labels = { ...legend.labels, color: text };
    this.chart.data.datasets.forEach((d, i) => {
      const { color } = styleOf(i);
      d.borderColor = color;
      d.backgroundColor = color;
    });
    this.chart.update('none');
  }

  /** Shows exactly `series` (in order) and redraws. */
  show(series: readonly CompareSeries[]): void {
    this.chart.data.datasets = series.map((s, i): ChartDataset<'line', Point[]> => {
      const { color, dash } = styleOf(i);
      const failed = s.status === 'diverged' || s.status === 'failed';
      return {
        label: failed ? `${s.optimizer} (${s.status})` : s.optimizer,
        data: pointsOf(s, this.logScale),
        borderColor: color,
        backgroundColor: color,
        borderDash: dash,
        borderWidth: 2,
        pointRadius: 0,
        pointHitRadius: 6,
        tension: 0,
      };
    });
    this.chart.update('none');
    this.canvas.dataset.series = JSON.stringify(
      series.map((s) => ({ optimizer: s.optimizer, points: epochsOf(s), last: s.losses[s.losses.length - 1] ?? null, initial: s.initialLoss ?? null })),
    );
    this.canvas.dataset.scale = this.logScale ? 'log' : 'linear';
  }
}
