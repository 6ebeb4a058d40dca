/**
 * The resolved form of a description (every default filled in, every name checked), as the trainer,
 * the exporters and the panels use it. It names each layer kind's and data source's resolved block,
 * so it sits above the kinds and sources, while the plain types they share stay in types.ts.
 */
import type { BuiltinSpec } from '../data/sources/dataset';
import type { CsvSpec } from '../data/sources/csv';
import type { GeneratorSpec } from '../data/sources/generator';
import type { IdxSpec } from '../data/sources/idx';
import type { InlineSpec } from '../data/sources/inline';
import type { ResolvedLayer } from '../layers/kinds/kind';
import type { ResolvedTraining } from './resolved-training';
import type { DataShape, ResolvedNamed } from './types';

/** A layer with every default filled in (its kind's resolved keys). */
export type { ResolvedLayer } from '../layers/kinds/kind';

/** The description with every default filled in and every name checked. */
export interface ResolvedConfig {
  name: string;
  /** Number of input features (from the data). */
  inputs: number;
  /**
   * The shape of one sample when the data says it is an image, `[channels, height, width]` (its
   * product is `inputs`); absent: flat samples, `[inputs]`. See `inputShapeOf`.
   */
  inputShape?: readonly number[];
  layers: ResolvedLayer[];
  loss: string;
  optimizer: ResolvedNamed;
  training: ResolvedTraining;
}

/** The shape of one input sample of `config`: its `inputShape`, else `[inputs]`. */
export function inputShapeOf(config: Pick<ResolvedConfig, 'inputs' | 'inputShape'>): readonly number[] {
  return config.inputShape ?? [config.inputs];
}

/**
 * The sample shape a data shape declares: its image shape `features` when it has more than one
 * dimension (and fits `inputs`), else `[inputs]`.
 */
export function sampleShapeOf(shape: Pick<DataShape, 'inputs' | 'features'>): readonly number[] {
  const f = shape.features;
  return f && f.length > 1 && f.reduce((a, b) => a * b, 1) === shape.inputs ? f : [shape.inputs];
}

/** The `inputShape` entry of a config on data of `shape`: present only for image samples (so flat configs stay as they were). */
export function inputShapeEntry(shape: Pick<DataShape, 'inputs' | 'features'>): { inputShape?: readonly number[] } {
  const s = sampleShapeOf(shape);
  return s.length > 1 ? { inputShape: s } : {};
}

/** `config` on data of `shape`: its `inputs` and (for image samples only) its `inputShape` from the data. */
export function withDataShape(config: ResolvedConfig, shape: Pick<DataShape, 'inputs' | 'features'>): ResolvedConfig {
  const out: ResolvedConfig = { ...config, inputs: shape.inputs };
  delete out.inputShape;
  return { ...out, ...inputShapeEntry(shape) };
}

/** The `data` block with its defaults filled in: one resolved block per data source (each declared in its source's file). */
export type ResolvedDataConfig = GeneratorSpec | BuiltinSpec | CsvSpec | InlineSpec | IdxSpec;
