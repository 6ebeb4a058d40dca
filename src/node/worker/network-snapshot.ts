/**
 * What is inside a network, computed in the training worker (never on the extension host's thread):
 * per-layer histograms of activations (on a fixed subset of at most 256 samples) and of weights,
 * and, for classifiers with two inputs, the decision surface over the data's bounding box; for
 * convolutional models, filters and feature maps (./conv-views.ts).
 */
import { kindOf } from '../../core/layers/kinds/registry';
import { type Dataset, inputAt, inputRows } from '../../core/data/dataset';
import type { Sequential } from '../../core/model/sequential';
import type { DecisionSurface, Histogram, LayerSnapshot, NetworkSnapshot } from '../../protocol/panel';
import { featureMaps, filterView, type Probe } from './conv-views';

/** The weights histogrammed for a layer without parameters (dropout, activation): none. */
const NO_WEIGHTS = new Float64Array(0);
/** Bins of every histogram. */
export const HISTOGRAM_BINS = 24;
/** Samples whose activations are histogrammed. */
export const SNAPSHOT_SAMPLES = 256;
/** Grid cells per side of the decision surface. */
export const SURFACE_SIZE = 40;
/** Training points drawn on the surface. */
export const SURFACE_POINTS = 500;

/** Histogram of the finite values of `values` in `bins` equal bins over [min, max]. */
export function histogram(values: ArrayLike<number>, bins = HISTOGRAM_BINS): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (min === Infinity) return { min: 0, max: 0, counts };
  if (max === min) {
    // One value: a range of width 1 starting half a unit below it puts it in the middle bin.
    counts[Math.floor(bins / 2)] = countFinite(values);
    return { min: min - 0.5, max: min + 0.5, counts };
  }
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  }
  return { min, max, counts };
}

function countFinite(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  return n;
}

/** Indices of at most `limit` samples spread evenly over n (deterministic, so snapshots are comparable). */
export function sampleIndices(n: number, limit: number): number[] {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.floor((i * n) / limit));
}

/** The class index of sample `i` of targets `y` (one column: 0/1 by 0.5, else arg-max). */
function classOf(y: ArrayLike<number>, outputs: number, i: number): number {
  if (outputs === 1) return y[i] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < outputs; k++) if (y[i * outputs + k] > y[i * outputs + best]) best = k;
  return best;
}

/** The label of layer i, e.g. `Layer 1 · dense 8 · tanh`. */
function layerLabel(model: Sequential, i: number): string {
  const s = model.layers[i].shape();
  return `Layer ${i + 1} · ${kindOf(s.type).label(s)}`;
}

/** The decision surface of a 2-input classifier over the data's bounding box widened by 10 %. */
export function decisionSurface(model: Sequential, data: Dataset, size = SURFACE_SIZE): DecisionSurface | undefined {
  if (data.inputs !== 2 || data.task !== 'classification' || data.n === 0) return undefined;
  let xMin = Infinity,
    xMax = -Infinity,
    yMin = Infinity,
    yMax = -Infinity;
  for (let i = 0; i < data.n; i++) {
    const x = inputAt(data, i, 0),
      y = inputAt(data, i, 1);
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  const padX = Math.max((xMax - xMin) * 0.1, 1e-3),
    padY = Math.max((yMax - yMin) * 0.1, 1e-3);
  xMin -= padX;
  xMax += padX;
  yMin -= padY;
  yMax += padY;
  const grid = new Float64Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const k = row * size + col;
      grid[2 * k] = xMin + ((col + 0.5) / size) * (xMax - xMin);
      grid[2 * k + 1] = yMax - ((row + 0.5) / size) * (yMax - yMin);
    }
  }
  const out = model.predict(grid, size * size);
  const outputs = model.outputs;
  const values = Array.from({ length: size * size }, (_, k) => (outputs === 1 ? out[k] : classOf(out, outputs, k)));
  const points = sampleIndices(data.n, SURFACE_POINTS).map((i) => ({ x: inputAt(data, i, 0), y: inputAt(data, i, 1), c: classOf(data.y, data.outputs, i) }));
  return { xMin, xMax, yMin, yMax, size, values, classes: outputs === 1 ? 2 : outputs, points };
}

/** What a snapshot may add besides the histograms: the layers' output shapes and the probe image of the feature maps. */
export interface SnapshotExtras {
  /** Output shape of each layer's sample, first layer first (from the config). */
  shapes?: readonly (readonly number[])[];
  /** The fixed image whose feature maps convolutional models show. */
  probe?: Probe;
}

/**
 * Histograms of every layer (with its output shape, when known, and its parameter count), for 2-D
 * classifiers the decision surface, for convolutional models the first layer's filters and the feature
 * maps of `extras.probe`, at `epoch`.
 */
export function takeSnapshot(model: Sequential, data: Dataset, epoch: number, withSurface = true, extras: SnapshotExtras = {}): NetworkSnapshot {
  const rows = sampleIndices(data.n, SNAPSHOT_SAMPLES);
  const outs = model.layerOutputs(inputRows(data, rows), rows.length);
  const layers: LayerSnapshot[] = model.layers.map((layer, i) => {
    const shape = extras.shapes?.[i];
    return {
      label: layerLabel(model, i),
      activations: histogram(outs[i]),
      weights: histogram(layer.params()[0] ?? NO_WEIGHTS),
      ...(shape ? { shape: [...shape] } : {}),
      params: layer.params().reduce((n, p) => n + p.length, 0),
    };
  });
  const snapshot: NetworkSnapshot = { epoch, layers };
  const surface = withSurface ? decisionSurface(model, data) : undefined;
  if (surface) snapshot.surface = surface;
  const filters = filterView(model);
  if (filters) snapshot.filters = filters;
  const maps = extras.probe
    ? featureMaps(
        model,
        extras.probe,
        layers.map((l) => l.label),
      )
    : undefined;
  if (maps) snapshot.featureMaps = maps;
  return snapshot;
}
