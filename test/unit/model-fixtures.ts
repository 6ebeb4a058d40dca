/**
 * Small builders of resolved model descriptions for the model and trainer tests.
 */
import type { ResolvedConfig, ResolvedLayer } from '../../src/core/config/resolved';

/** A dense layer spec; `params` are the activation's parameters. */
export function dense(
  units: number,
  activation: string,
  init: 'normal' | 'xavier' | 'he' = 'xavier',
  initScale = 0.05,
  params: Record<string, number> = {},
): ResolvedLayer {
  return { type: 'dense', units, activation: { name: activation, params }, init, initScale };
}

/** A maxout layer spec. */
export function maxout(units: number, pieces: number, init: 'normal' | 'xavier' | 'he' = 'xavier', initScale = 0.05): ResolvedLayer {
  return { type: 'maxout', units, pieces, init, initScale };
}

/** A resolved config with the given layers, loss and training overrides. */
export function resolvedConfig(
  inputs: number,
  layers: ResolvedLayer[],
  loss: string,
  optimizer: { name: string; params?: Record<string, number> } = { name: 'Adam' },
  training: Partial<ResolvedConfig['training']> = {},
): ResolvedConfig {
  return {
    name: 'test',
    inputs,
    layers,
    loss,
    optimizer: { name: optimizer.name, params: optimizer.params ?? {} },
    training: { epochs: 10, batchSize: 4, validationSplit: 0, seed: 1, shuffle: true, precision: 'float64', ...training },
  };
}
