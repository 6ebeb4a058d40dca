/**
 * Turns the resolved layer list of a model description into layer objects, each reading
 * `inputs` features from the layer before (the first from the data's feature count).
 */
import { activationRegistry } from '../activations';
import type { ResolvedLayer } from '../config/types';
import { DenseLayer } from '../layers/dense';
import type { Layer } from '../layers/layer';
import { MaxoutLayer } from '../layers/maxout';
import type { DenseKernel } from '../linalg/kernel';
import { Rng } from '../rng';

/** Creates (zero-weighted) layers for `specs`; activations come from the activation registry. */
export function createLayers(specs: readonly ResolvedLayer[], inputs: number, rng: Rng, kernel: DenseKernel): Layer[] {
  const layers: Layer[] = [];
  let width = inputs;
  specs.forEach((spec, i) => {
    let layer: Layer;
    if (spec.type === 'maxout') {
      layer = new MaxoutLayer(width, spec.units, spec.pieces, kernel);
    } else {
      const act = activationRegistry.create(spec.activation.name, spec.activation.params, {
        path: ['layers', i, 'activation'],
        rng,
      });
      layer = new DenseLayer(width, spec.units, act, kernel);
    }
    layers.push(layer);
    width = spec.units;
  });
  if (layers.length > 0) layers[0].propagateDown = false;
  return layers;
}
