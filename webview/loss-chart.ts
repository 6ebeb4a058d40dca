/**
 * The live loss chart: training (and validation) loss per epoch, drawn with chart.js (bundled).
 * After each redraw the canvas carries `data-points` (epochs drawn), `data-plot-area` (left,top,right,bottom
 * in CSS pixels) and `data-train-color` (the training line's colour), so tests can check what is shown.
 */
import {
  Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset,
} from 'chart.js';
import type { EpochReport } from '../src/core/train/types';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** One point of the chart: x = epoch, y = loss. */
interface Point {
  x: number;
  y: number;
}

/** Reads a theme colour (a CSS custom property VS Code sets on the body), with a fallback. */
function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

/** Loss-per-epoch line chart of one run. */
export class LossChart {
  private readonly chart: Chart<'line', Point[]>;
  private readonly train: Point[] = [];
  private readonly validation: Point[] = [];

  constructor(private readonly canvas: HTMLCanvasElement) {
    const trainColor = themeColor('--vscode-charts-blue', '#3794ff');
    const valColor = themeColor('--vscode-charts-orange', '#d18616');
    const text = themeColor('--vscode-foreground', '#cccccc');
    const grid = themeColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)');
    const line = (label: string, data: Point[], color: string): ChartDataset<'line', Point[]> => ({
      label, data, borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, pointHitRadius: 6, tension: 0,
    });
    this.chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: [line('Training loss', this.train, trainColor), line('Validation loss', this.validation, valColor)] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch', color: text }, ticks: { color: text, precision: 0 }, grid: { color: grid } },
          y: { type: 'linear', title: { display: true, text: 'loss', color: text }, ticks: { color: text }, grid: { color: grid } },
        },
        plugins: { legend: { labels: { color: text, filter: (item, data) => !data.datasets[item.datasetIndex ?? 0]?.hidden } } },
      },
    });
    canvas.dataset.trainColor = trainColor;
    this.markDrawn();
  }

  /** Replaces everything shown by `history`; hides the validation line when there is no validation split. */
  reset(history: readonly EpochReport[], hasValidation: boolean): void {
    this.train.length = 0;
    this.validation.length = 0;
    this.chart.data.datasets[1].hidden = !hasValidation;
    this.append(history);
  }

  /** Shows whether there is a validation line. */
  setValidation(hasValidation: boolean): void {
    this.chart.data.datasets[1].hidden = !hasValidation;
    this.chart.update('none');
  }

  /** Adds epochs and redraws. Non-finite losses leave a gap. */
  append(reports: readonly EpochReport[]): void {
    for (const r of reports) {
      this.train.push({ x: r.epoch, y: Number.isFinite(r.loss) ? r.loss : NaN });
      if (r.valLoss !== undefined) this.validation.push({ x: r.epoch, y: Number.isFinite(r.valLoss) ? r.valLoss : NaN });
    }
    this.chart.update('none');
    this.markDrawn();
  }

  /** Epochs drawn so far. */
  get points(): number {
    return this.train.length;
  }

  /** The last epoch drawn (0 before any). */
  get lastEpoch(): number {
    return this.train.length ? this.train[this.train.length - 1].x : 0;
  }

  private markDrawn(): void {
    const area = this.chart.chartArea;
    this.canvas.dataset.points = String(this.train.length);
    if (area) this.canvas.dataset.plotArea = [area.left, area.top, area.right, area.bottom].map(Math.round).join(',');
  }
}
