/**
 * Text for histograms (pure, unit-tested): short axis numbers and a sentence describing the
 * distribution for screen readers.
 */
import type { Histogram } from '../../src/protocol/panel';

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
