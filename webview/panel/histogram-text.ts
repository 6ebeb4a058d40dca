/**
 * Text for histograms (pure, unit-tested): short axis numbers and a sentence describing the
 * distribution for screen readers, and a layer's shape summary.
 */
import type { Histogram, LayerSnapshot } from '../../src/protocol/panel';

/** A short number for axis labels. */
export function short(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x);
}

/** A sentence describing a histogram, e.g. `activations: 200 values from −0.98 to 0.99, most near 0.5`. */
export function describeHistogram(name: string, h: Histogram): string {
  const total = h.counts.reduce((a, b) => a + b, 0);
  if (total === 0 || h.counts.length === 0) return `${name}: no values`;
  const peak = h.counts.indexOf(Math.max(...h.counts));
  const w = (h.max - h.min) / h.counts.length;
  return `${name}: ${total} values from ${short(h.min)} to ${short(h.max)}, most near ${short(h.min + (peak + 0.5) * w)}`;
}

/** A layer's output shape and parameter count, e.g. `→ 16×28×28 · 160 params` (empty when neither is known). */
export function layerSummary(layer: Pick<LayerSnapshot, 'shape' | 'params'>): string {
  const parts: string[] = [];
  if (layer.shape && layer.shape.length > 0) parts.push(`→ ${layer.shape.join('×')}`);
  if (layer.params !== undefined) parts.push(`${layer.params.toLocaleString('en-US')} ${layer.params === 1 ? 'param' : 'params'}`);
  return parts.join(' · ');
}
