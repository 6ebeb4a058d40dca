/**
 * The training-loss curves of the best runs overlaid (chart.js): per run its mean curve over the
 * repeats and, with repeats, the min–max band around it. Redrawn only when the best runs change.
 * After each redraw the canvas carries `data-runs` (JSON: the runs' indices, best first) for tests.
 */
import { Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import type { SweepRow } from '../../src/protocol/sweep';
import { cssVar, withAlpha } from '../common/theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler);

interface Point {
  x: number;
  y: number;
}

const PALETTE: [string, string][] = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-yellow', '#cca700'],
  ['--vscode-charts-orange', '#d18616'],
];

/** The epoch of point `i` of a curve of `points` points downsampled from `epochs` epochs (as `downsample` picks them). */
export function epochOfPoint(i: number, points: number, epochs: number): number {
  if (points >= epochs || points <= 1) return i + 1;
  return Math.round((i * (epochs - 1)) / (points - 1)) + 1;
}

/** A row's points: (epoch, value) for each point of `values`. */
function pointsOf(row: SweepRow, values: readonly number[]): Point[] {
  const epochs = row.epochs ?? values.length;
  return values.map((y, i) => ({ x: epochOfPoint(i, values.length, epochs), y: Number.isFinite(y) ? y : NaN }));
}

/** A short name of a run: its number and its parameters. */
export function runLabel(row: SweepRow): string {
  const values = Object.entries(row.parameters).map(([k, v]) => `${k.split('.').pop() ?? k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `#${row.index + 1} ${values.join(' ')}`.slice(0, 60);
}

/** The overlaid curves. */
export class BestCurves {
  private readonly chart: Chart<'line', Point[]>;
  private shownKey = '';

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 } },
          y: { type: 'linear', title: { display: true, text: 'training loss' } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { filter: (item) => !item.text.startsWith('\u200b') } },
        },
      },
    });
    this.applyTheme();
  }

  /** Re-reads the theme's colours. */
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
    this.shownKey = '';
  }

  /** Shows the curves of `rows` (the best runs, best first); nothing is redrawn when they are the ones shown. */
  show(rows: readonly SweepRow[]): void {
    const withCurves = rows.filter((r) => r.curve && r.curve.length > 0);
    const key = withCurves.map((r) => r.index).join(',');
    if (key === this.shownKey) return;
    this.shownKey = key;
    const datasets: ChartDataset<'line', Point[]>[] = [];
    withCurves.forEach((row, i) => {
      const [name, fallback] = PALETTE[i % PALETTE.length];
      const color = cssVar(name, fallback);
      const curve = row.curve ?? [];
      if (row.curveLow && row.curveHigh) {
        // The band: the low line (invisible), then the high line filled down to it.
        const band = { borderWidth: 0, pointRadius: 0, pointHitRadius: 0, tension: 0 };
        datasets.push({ ...band, label: `\u200b${row.index} low`, data: pointsOf(row, row.curveLow), borderColor: 'transparent' });
        datasets.push({
          ...band,
          label: `\u200b${row.index} high`,
          data: pointsOf(row, row.curveHigh),
          borderColor: 'transparent',
          backgroundColor: withAlpha(color, 0.18),
          fill: '-1',
        });
      }
      datasets.push({
        label: runLabel(row),
        data: pointsOf(row, curve),
        borderColor: color,
        backgroundColor: color,
        borderWidth: i === 0 ? 3 : 1.5,
        pointRadius: 0,
        pointHitRadius: 6,
        tension: 0,
      });
    });
    this.chart.data.datasets = datasets;
    this.chart.update('none');
    this.canvas.dataset.runs = JSON.stringify(withCurves.map((r) => r.index));
  }
}
