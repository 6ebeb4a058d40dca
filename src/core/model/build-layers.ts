/**
 * Turns the resolved layer list of a model description into layer objects through the
 * layer-kind registry, each reading the output shape of the layer before (the first the data's).
 */
import type { ResolvedLayer } from '../config/resolved';
import type { FeatureShape } from '../layers/kinds/kind';
import type { Layer } from '../layers/layer';
import { kindOf, layerInputs } from '../layers/kinds/registry';
import type { DenseKernel } from '../linalg/kernel';
import { Rng } from '../rng';

/** Creates (zero-weighted) layers for `specs` on samples of `input` features (a count: flat samples; or a shape, e.g. `[1, 28, 28]`). */
export function createLayers(specs: readonly ResolvedLayer[], input: number | FeatureShape, rng: Rng, kernel: DenseKernel): Layer[] {
  const shapes = layerInputs(specs, typeof input === 'number' ? [input] : input);
  const layers = specs.map((spec, i) => kindOf(spec).create(spec, shapes[i], { rng, kernel, path: ['layers', i] }));
  if (layers.length > 0) layers[0].propagateDown = false;
  return layers;
}
