/**
 * One card of the activation gallery: name, summary, formula, a plot of f and f′ (f″ on demand),
 * a slider with a number box per parameter, and a text readout of values at a few x.
 */
import type { Activation } from '../../src/core/activations';
import type { ParamSpec, RegistryEntry } from '../../src/core/registry';
import { PROBE_XS, type GalleryProbe } from '../../src/protocol/gallery';
import { drawCurves, type PlotColors } from './gallery-plot';
import { evaluateAt, makeActivation, sampleCurves, sliderRange } from './gallery-sampling';

/** Points sampled per curve. */
const SAMPLES = 241;

/** Formats a number for readouts: up to 4 significant digits, a real minus sign. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
  return s.replace('-', '−');
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A gallery card; `onDrawn` hears every redraw caused by a parameter change. */
export class GalleryCard {
  readonly element: HTMLElement;
  readonly params: Record<string, number> = {};
  private readonly canvas: HTMLCanvasElement;
  private readonly readout: HTMLElement;
  private readonly inputs = new Map<string, { range: HTMLInputElement; box: HTMLInputElement }>();
  private showSecond = false;

  constructor(
    private readonly entry: RegistryEntry<Activation>,
    private colors: PlotColors,
    private readonly onDrawn: (card: GalleryCard, probes: GalleryProbe[]) => void,
  ) {
    const id = `card-${entry.name.replace(/[^A-Za-z0-9]/g, '_')}`;
    const rowWise = !makeActivation(entry.name, {}).pointwise;
    this.element = el('article', { class: 'card', id, 'data-name': entry.name, 'aria-labelledby': `${id}-title` });
    const head = el('header', { class: 'card-head' });
    head.append(el('h2', { id: `${id}-title` }, entry.name), el('span', { class: 'badge', hidden: '' }, 'used'));
    this.element.append(head, el('p', { class: 'summary' }, entry.summary), el('code', { class: 'formula' }, entry.formula));
    if (rowWise) this.element.append(el('p', { class: 'note' }, `Plotted: first component of ${entry.name}([x, 0]); dashed: its diagonal derivative ∂y₀/∂x₀.`));
    this.canvas = el('canvas', { class: 'plot', role: 'img' });
    this.element.append(this.canvas);
    const legend = el('p', { class: 'legend', 'aria-hidden': 'true' });
    legend.append(el('span', { class: 'key f' }, 'f(x)'), el('span', { class: 'key df' }, rowWise ? '∂y₀/∂x₀' : 'f′(x)'));
    this.element.append(legend);
    if (makeActivation(entry.name, {}).d2y) {
      const key = el('span', { class: 'key d2f', hidden: '' }, 'f″(x)');
      legend.append(key);
      const label = el('label', { class: 'toggle' });
      const box = el('input', { type: 'checkbox' });
      box.addEventListener('change', () => {
        this.showSecond = box.checked;
        key.hidden = !box.checked;
        this.redraw(true);
      });
      label.append(box, document.createTextNode(' show f″(x) (dotted)'));
      this.element.append(label);
    }
    for (const spec of entry.params) this.element.append(this.slider(id, spec));
    this.readout = el('p', { class: 'readout' });
    this.element.append(this.readout);
  }

  /** Registry name of the activation. */
  get name(): string {
    return this.entry.name;
  }

  /** Sets one parameter (clamped to its slider) and redraws; false when the card has no such parameter. */
  setParam(param: string, value: number): boolean {
    const input = this.inputs.get(param);
    if (!input || !Number.isFinite(value)) return false;
    const min = Number(input.range.min),
      max = Number(input.range.max);
    const v = Math.min(max, Math.max(min, value));
    this.params[param] = v;
    input.range.value = String(v);
    input.box.value = String(v);
    this.redraw(true);
    return true;
  }

  /** Moves the sliders and number boxes to the current `params` (after restoring saved values). */
  syncInputs(): void {
    for (const [param, { range, box }] of this.inputs) {
      range.value = String(this.params[param]);
      box.value = String(this.params[param]);
    }
  }

  /** Marks the card as used by a config (or not). */
  setUsed(used: boolean, file: string): void {
    this.element.classList.toggle('used', used);
    const badge = this.element.querySelector('.badge') as HTMLElement;
    badge.hidden = !used;
    badge.textContent = used ? `used by ${file}` : 'used';
  }

  /** Re-reads colours after a theme change and redraws. */
  setColors(colors: PlotColors): void {
    this.colors = colors;
    this.redraw(false);
  }

  /** Redraws the plot and readout; `announce` reports the redraw to `onDrawn`. */
  redraw(announce: boolean): void {
    let probes: GalleryProbe[];
    try {
      drawCurves(this.canvas, sampleCurves(this.entry.name, this.params, SAMPLES, this.showSecond), this.colors);
      const at = evaluateAt(makeActivation(this.entry.name, this.params), Float64Array.from(PROBE_XS), false);
      probes = PROBE_XS.map((x, i) => ({ x, y: at.f[i], dy: at.df[i] }));
    } catch (e) {
      this.readout.textContent = `Cannot plot: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    const settings = Object.entries(this.params)
      .map(([k, v]) => `${k} = ${formatNumber(v)}`)
      .join(', ');
    const values = probes.map((p) => `f(${formatNumber(p.x)}) = ${formatNumber(p.y)}`).join(', ');
    this.readout.textContent = values;
    this.canvas.setAttribute('aria-label', `${this.entry.name}${settings ? ` with ${settings}` : ''}: ${values}`);
    this.canvas.dataset.probes = JSON.stringify(probes);
    if (announce) this.onDrawn(this, probes);
  }

  private slider(id: string, spec: ParamSpec): HTMLElement {
    const { min, max, step } = sliderRange(spec);
    const row = el('div', { class: 'param' });
    const rangeId = `${id}-${spec.name}`;
    const label = el('label', { for: rangeId, title: spec.doc }, spec.name);
    const range = el('input', {
      type: 'range',
      id: rangeId,
      min: String(min),
      max: String(max),
      step: String(step),
      value: String(spec.default),
      'data-param': spec.name,
    });
    const box = el('input', {
      type: 'number',
      min: String(min),
      max: String(max),
      step: String(step),
      value: String(spec.default),
      'aria-label': `${spec.name} value`,
      class: 'value',
    });
    this.params[spec.name] = spec.default;
    this.inputs.set(spec.name, { range, box });
    range.addEventListener('input', () => this.setParam(spec.name, Number(range.value)));
    box.addEventListener('change', () => this.setParam(spec.name, Number(box.value)));
    row.append(label, range, box, el('span', { class: 'doc' }, spec.doc));
    return row;
  }
}
