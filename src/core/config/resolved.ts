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
import type { ResolvedNamed } from './types';

/** A layer with every default filled in (its kind's resolved keys). */
export type { ResolvedLayer } from '../layers/kinds/kind';

/** The description with every default filled in and every name checked. */
export interface ResolvedConfig {
  name: string;
  /** Number of input features (from the data). */
  inputs: number;
  layers: ResolvedLayer[];
  loss: string;
  optimizer: ResolvedNamed;
  training: ResolvedTraining;
}

/** The `data` block with its defaults filled in: one resolved block per data source (each declared in its source's file). */
export type ResolvedDataConfig = GeneratorSpec | BuiltinSpec | CsvSpec | InlineSpec | IdxSpec;
