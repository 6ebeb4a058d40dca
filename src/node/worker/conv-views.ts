/**
 * What the panel shows of a convolutional network, computed in the training worker with each snapshot:
 * the first conv2d layer's filters and every conv2d layer's feature maps (outputs after the activation)
 * for one fixed probe image. The work and the bytes per snapshot are bounded by the caps below and do
 * not grow with the run's length:
 * - filters: at most MAX_FILTER_TILES tiles (filters × input channels), e.g. 64 filters of 1 channel
 *   or 21 of 3, each kh·kw numbers;
 * - feature maps: at most MAX_MAP_CHANNELS channels per layer and MAX_MAP_LEVELS levels (0..255, at most
 *   4 bytes each as JSON) over all layers per snapshot (≈ 128 kB), plus the probe image itself; one
 *   forward pass of one sample.
 */
import { type Dataset, inputRows } from '../../core/data/dataset';
import { Conv2dLayer } from '../../core/layers/conv2d';
import type { Sequential } from '../../core/model/sequential';
import type { FeatureMapLayer, FeatureMaps, FilterView } from '../../protocol/panel';

/** Most filter tiles (filters × input channels) sent. */
export const MAX_FILTER_TILES = 64;
/** Most channels of one layer's feature maps sent. */
export const MAX_MAP_CHANNELS = 16;
/** Most feature-map levels sent per snapshot, over all layers. */
export const MAX_MAP_LEVELS = 32768;

/** The fixed image whose feature maps are shown: sample `index` of `data`. */
export interface Probe {
  data: Dataset;
  index: number;
  set: 'test' | 'validation' | 'training';
}

/** The class name (else number) of sample i of a classification set: 0/1 by 0.5 for one output, else the arg-max; undefined for regression. */
export function classLabel(data: Dataset, i: number): string | undefined {
  if (data.task !== 'classification') return undefined;
  const k = data.outputs;
  let best = 0;
  if (k === 1) best = data.y[i] >= 0.5 ? 1 : 0;
  else for (let j = 1; j < k; j++) if (data.y[i * k + j] > data.y[i * k + best]) best = j;
  return data.classNames?.[best] ?? String(best);
}

/** The filters of the first conv2d layer of `model` (at most `maxTiles` tiles), or undefined without one. */
export function filterView(model: Sequential, maxTiles = MAX_FILTER_TILES): FilterView | undefined {
  const layer = model.layers.findIndex((l) => l instanceof Conv2dLayer);
  if (layer < 0) return undefined;
  const conv = model.layers[layer] as Conv2dLayer;
  const { c: channels, kh, kw } = conv.geometry;
  // shown = min(filters, ⌊maxTiles / channels⌋), at least 1 so a layer with many channels still shows one filter.
  const shown = Math.max(1, Math.min(conv.filters, Math.floor(maxTiles / channels)));
  const values = Array.from(conv.w.subarray(0, shown * channels * kh * kw));
  // scale = max |w| over the shown weights (finite ones).
  let scale = 0;
  for (const v of values) if (Number.isFinite(v) && Math.abs(v) > scale) scale = Math.abs(v);
  return { layer, filters: conv.filters, shown, channels, kh, kw, values, scale };
}

/** Levels 0..255 of `values`: q = round(255·(v − min)/(max − min)), 0 when max = min or v is not finite. */
export function toLevels(values: ArrayLike<number>, min: number, max: number): number[] {
  const span = max - min;
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = span > 0 && Number.isFinite(v) ? Math.min(255, Math.max(0, Math.round((255 * (v - min)) / span))) : 0;
  }
  return out;
}

/** The smallest and largest finite value of `values` (both 0 when there is none). */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? { min: 0, max: 0 } : { min, max };
}

/**
 * The outputs of every conv2d layer of `model` for the probe image, each layer capped to `maxChannels`
 * channels and all of them together to `maxLevels` levels (a layer that does not fit even with one channel
 * ends the list); undefined when the model has no conv2d layer or the data no image shape.
 */
export function featureMaps(
  model: Sequential,
  probe: Probe,
  labels: readonly string[],
  maxChannels = MAX_MAP_CHANNELS,
  maxLevels = MAX_MAP_LEVELS,
): FeatureMaps | undefined {
  const shape = model.inputShape;
  if (shape?.length !== 3 || probe.index >= probe.data.n || !model.layers.some((l) => l instanceof Conv2dLayer)) return undefined;
  const x = inputRows(probe.data, [probe.index]);
  const outs = model.layerOutputs(x, 1);
  const inputRange = finiteRange(x);
  const label = classLabel(probe.data, probe.index);
  const input: FeatureMaps['input'] = {
    shape: [shape[0], shape[1], shape[2]] as [number, number, number],
    levels: toLevels(x, inputRange.min, inputRange.max),
    set: probe.set,
    index: probe.index,
    ...(label !== undefined ? { label } : {}),
  };
  const layers: FeatureMapLayer[] = [];
  let budget = maxLevels;
  for (let i = 0; i < model.layers.length; i++) {
    const layer = model.layers[i];
    if (!(layer instanceof Conv2dLayer)) continue;
    const { oh: height, ow: width } = layer.geometry;
    const area = height * width;
    const shown = Math.min(layer.filters, maxChannels, Math.floor(budget / Math.max(1, area)));
    if (shown < 1) break;
    // The output is [filters, oh, ow] channel-major: the first `shown` channels are its first shown·area values.
    const values = outs[i].subarray(0, shown * area);
    const { min, max } = finiteRange(values);
    layers.push({
      layer: i,
      label: labels[i] ?? `Layer ${i + 1}`,
      channels: layer.filters,
      shown,
      height,
      width,
      min,
      max,
      levels: toLevels(values, min, max),
    });
    budget -= shown * area;
  }
  return { input, layers };
}
