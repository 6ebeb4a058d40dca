/**
 * Plots of the activation functions the model uses: f (solid) and f′ (dashed) over a range that shows
 * each one's shape, with its parameters applied, labelled with the layers that use it.
 */
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ActivationUse } from '../../src/protocol/panel';
import { activationCurves, type ActivationCurve } from './activation-curves';
import type { ThemeColors } from '../common/theme';
import { withAlpha } from '../common/theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** The small multiples of activation plots. */
export class ActivationPlots {
  private charts: Chart<'line'>[] = [];
  private key = '';

  constructor(private readonly container: HTMLElement) {}

  /** Number of plots shown. */
  get count(): number {
    return this.charts.length;
  }

  /** Shows `uses`; rebuilds only when they (or, with `force`, the theme) changed. */
  render(uses: readonly ActivationUse[], colors: ThemeColors, force = false): void {
    const key = JSON.stringify(uses);
    if (key === this.key && !force) return;
    this.key = key;
    for (const c of this.charts) c.destroy();
    this.charts = [];
    let curves: ActivationCurve[] = [];
    try {
      curves = activationCurves(uses);
    } catch {
      curves = [];
    }
    this.container.replaceChildren(...curves.map((curve) => this.plot(curve, colors)));
  }

  private plot(curve: ActivationCurve, colors: ThemeColors): HTMLElement {
    const fig = document.createElement('figure');
    fig.className = 'activation-plot';
    const cap = document.createElement('figcaption');
    const name = document.createElement('strong');
    name.textContent = curve.title;
    cap.append(name, ` — ${curve.layers.join(', ')}`);
    if (curve.note) {
      const note = document.createElement('span');
      note.className = 'note';
      note.textContent = ` (${curve.note})`;
      cap.append(note);
    }
    const box = document.createElement('div');
    box.className = 'plot-box';
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    const at = (xs: number[], ys: number[], x: number): string => ys[xs.findIndex((v) => v >= x)]?.toFixed(3) ?? '?';
    canvas.setAttribute(
      'aria-label',
      `${curve.title} and its derivative from ${curve.xs[0]} to ${curve.xs[curve.xs.length - 1]}; f(0) = ${at(curve.xs, curve.f, 0)}, f′(0) = ${at(curve.xs, curve.df, 0)}`,
    );
    box.append(canvas);
    fig.append(cap, box);
    const points = (ys: number[]): { x: number; y: number }[] => curve.xs.map((x, i) => ({ x, y: Number.isFinite(ys[i]) ? ys[i] : NaN }));
    const grid = withAlpha(colors.grid, colors.highContrast ? 0.8 : 0.5);
    const axis = { grid: { color: grid }, ticks: { color: colors.foreground, maxTicksLimit: 5 } };
    this.charts.push(
      new Chart<'line'>(canvas, {
        type: 'line',
        data: {
          datasets: [
            { label: 'f(x)', data: points(curve.f), borderColor: colors.train, backgroundColor: colors.train, borderWidth: 2, pointRadius: 0, tension: 0 },
            {
              label: 'f′(x)',
              data: points(curve.df),
              borderColor: colors.validation,
              backgroundColor: colors.validation,
              borderWidth: 1.5,
              borderDash: [5, 3],
              pointRadius: 0,
              tension: 0,
            },
          ],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          parsing: false,
          interaction: { mode: 'nearest', axis: 'x', intersect: false },
          scales: { x: { type: 'linear', ...axis }, y: { type: 'linear', ...axis } },
          plugins: {
            legend: { labels: { color: colors.foreground, boxHeight: 2 } },
            tooltip: { callbacks: { title: (items) => (items.length ? `x = ${(items[0].parsed.x ?? 0).toFixed(2)}` : '') } },
          },
        },
      }),
    );
    return fig;
  }
}
