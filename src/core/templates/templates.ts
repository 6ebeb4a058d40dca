/**
 * The templates of "NN Lab: New Model Config": the examples people start from (taken from
 * examples/ so they stay in sync) and a blank model.
 */
import iris from '../../../examples/iris.nn.json';
import sine from '../../../examples/sine.nn.json';
import spiral from '../../../examples/spiral.nn.json';
import xor from '../../../examples/xor.nn.json';
import { formatConfig } from './format-config';

/** One entry of the quick pick. */
export interface ConfigTemplate {
  /** Short id, also the suggested file name (`<id>.nn.json`). */
  id: string;
  label: string;
  detail: string;
  /** The config object (without `$schema`: the extension provides the schema). */
  config: Record<string, unknown>;
}

/** A small model that trains on generated data, for people who want to start from nothing. */
const BLANK: Record<string, unknown> = {
  name: 'My model',
  description: 'Describe the model here.',
  data: { generator: 'circle', samples: 200, noise: 0.05 },
  layers: [
    { units: 8, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  optimizer: { name: 'Adam', alpha: 0.02 },
  training: { epochs: 150, batchSize: 32, seed: 1 },
};

/** An example without its `$schema` line (a relative path that would be wrong in a new file). */
function withoutSchema(example: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...example };
  delete copy.$schema;
  return copy;
}

/** Every template, in the order of the quick pick. */
export const TEMPLATES: readonly ConfigTemplate[] = [
  {
    id: 'xor',
    label: 'XOR classification',
    detail: 'Two inputs, one hidden tanh layer, a sigmoid output: the smallest non-linear problem.',
    config: withoutSchema(xor),
  },
  { id: 'spiral', label: 'Two spirals', detail: 'The classic hard 2-D classification: two ReLU layers of 32 units.', config: withoutSchema(spiral) },
  { id: 'sine', label: 'Sine approximation', detail: 'Regression of y = sin(x) with a tanh hidden layer and a linear output.', config: withoutSchema(sine) },
  { id: 'iris', label: 'Iris flowers', detail: "Fisher's Iris data set: 4 measurements, 3 species, softmax with cross-entropy.", config: withoutSchema(iris) },
  { id: 'blank', label: 'Blank model', detail: 'A minimal model on generated data, to edit from scratch.', config: BLANK },
];

/** The text of a template's new file. */
export function templateText(template: ConfigTemplate): string {
  return formatConfig(template.config);
}
