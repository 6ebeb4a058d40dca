/**
 * The layer-kind registry: every kind a config's `"type"` may name, dense and maxout built in,
 * more registered at run time with `registerLayerKind` (e.g. by a test). Validation, the schema,
 * the docs, model building, the model file, the exporters, the panel and the editor all look
 * kinds up here when they run, so a registered kind is known to all of them.
 *
 * Adding a built-in kind: write its file beside dense.ts (a `LayerKind`: keys, shapes, layer,
 * model-file, ONNX and PyTorch forms), add it to `BUILT_IN_LAYER_KINDS` below, and run
 * `npm run schema` and `npm run docs` (the schema and docs/format.md's table are generated).
 */
import { NnError, quote } from '../../problems';
import { activationLayerKind } from './activation';
import { batchNormKind } from './batchnorm';
import { conv2dKind } from './conv2d';
import { denseKind } from './dense';
import { dropoutKind } from './dropout';
import { flattenKind } from './flatten';
import type { FeatureShape, LayerKind, ResolvedLayer } from './kind';
import { maxoutKind } from './maxout';
import { avgPool2dKind, maxPool2dKind } from './pool2d';

/** The kind of a layer that names no `"type"`. */
export const DEFAULT_LAYER_KIND = denseKind.name;

/** The kinds NN Lab ships, in documentation order (the default kind first). */
export const BUILT_IN_LAYER_KINDS: readonly LayerKind[] = [
  denseKind,
  maxoutKind,
  dropoutKind,
  batchNormKind,
  activationLayerKind,
  conv2dKind,
  maxPool2dKind,
  avgPool2dKind,
  flattenKind,
];

const kinds = new Map<string, LayerKind>(BUILT_IN_LAYER_KINDS.map((k) => [k.name, k]));

/** Every registered kind, in registration order (the built-in ones first). */
export function layerKinds(): LayerKind[] {
  return [...kinds.values()];
}

/** The names of the registered kinds. */
export function layerKindNames(): string[] {
  return [...kinds.keys()];
}

/** The kind called `name`, or undefined. */
export function findLayerKind(name: string): LayerKind | undefined {
  return kinds.get(name);
}

/** The kind of a resolved layer; throws when it is not registered (a resolved config only names registered kinds). */
export function kindOf(spec: ResolvedLayer | string): LayerKind {
  const name = typeof spec === 'string' ? spec : spec.type;
  const kind = findLayerKind(name);
  if (!kind) throw new NnError(`unknown layer type ${quote(name)}`);
  return kind;
}

/**
 * Adds a kind (typed by its own resolved config); returns a function that removes it again.
 * Throws when the name is taken.
 */
export function registerLayerKind<S extends ResolvedLayer>(kind: LayerKind<S>): () => void {
  if (kinds.has(kind.name)) throw new Error(`layer kind ${quote(kind.name)} is already registered`);
  kinds.set(kind.name, kind);
  return () => {
    kinds.delete(kind.name);
  };
}

/** The output shape of every layer of `layers` on samples of shape `input`, or the first layer that cannot take its input. */
export function layerShapes(layers: readonly ResolvedLayer[], input: FeatureShape): { shapes: FeatureShape[] } | { layer: number; message: string } {
  const shapes: FeatureShape[] = [];
  let shape = input;
  for (let i = 0; i < layers.length; i++) {
    const out = kindOf(layers[i]).outputShape(layers[i], shape);
    if (typeof out === 'string') return { layer: i, message: out };
    shapes.push(out);
    shape = out;
  }
  return { shapes };
}

/** The input shape of each layer (the data's, then each layer's output), as far as shapes fit. */
export function layerInputs(layers: readonly ResolvedLayer[], input: FeatureShape): FeatureShape[] {
  const r = layerShapes(layers, input);
  const outs = 'shapes' in r ? r.shapes : [];
  return layers.map((_, i) => (i === 0 ? input : (outs[i - 1] ?? input)));
}

/** Output features of each layer on samples of `input` (a feature count or a sample shape), e.g. [8, 1] (as far as shapes fit). */
export function layerWidths(layers: readonly ResolvedLayer[], input: number | FeatureShape): number[] {
  const r = layerShapes(layers, typeof input === 'number' ? [input] : input);
  return 'shapes' in r ? r.shapes.map((s) => s.reduce((a, b) => a * b, 1)) : [];
}

/** Trainable numbers of `layers` on samples of shape `input`. */
export function countParams(input: FeatureShape | number, layers: readonly ResolvedLayer[]): number {
  const shape = typeof input === 'number' ? [input] : input;
  return layerInputs(layers, shape).reduce((total, s, i) => total + kindOf(layers[i]).paramCount(layers[i], s), 0);
}

/** Output features of the last layer (the product of its output shape's sizes). */
export function outputFeatures(layers: readonly ResolvedLayer[], input: FeatureShape | number): number {
  const r = layerShapes(layers, typeof input === 'number' ? [input] : input);
  if (!('shapes' in r) || r.shapes.length === 0) return 0;
  return r.shapes[r.shapes.length - 1].reduce((a, b) => a * b, 1);
}

/** The activation on the output layer's outputs as named in messages: its activation, else the kind's name. */
export function outputActivationName(layers: readonly ResolvedLayer[]): string {
  const last = layers[layers.length - 1];
  return kindOf(last).activation(last)?.name ?? last.type;
}
