/**
 * The JSON Schema of `*.nn.json` files, built from the registries (every activation, optimizer
 * and loss with its formula and parameters) and the validator's key lists and limits, so the
 * editor's completions, hovers and squiggles agree with what the validator accepts.
 * `scripts/gen-schema.ts` writes it to `schema/nn.schema.json`; a test catches drift.
 */
import { activationRegistry } from '../activations';
import { lossRegistry } from '../losses';
import { optimizerRegistry } from '../optimizers';
import type { EntryDoc } from './entry-docs';
import { DEFAULT_LIMITS, Limits } from './limits';
import { blockSchemaProperties, keySchema, requiredKeys } from './key-spec';
import type { LayerKind } from '../layers/kinds/kind';
import { DEFAULT_LAYER_KIND, layerKinds } from '../layers/kinds/registry';
import { nameEnum, namedSchema, onlyKeys, SchemaNode } from './schema-parts';
import { dataSchema } from './schema-data';
import { TRAINING_SPECS } from './validate-training';
import { sweepSchema } from '../sweep/sweep-schema';

/** The entry lists a schema is built from. */
export interface SchemaSources {
  activations: readonly EntryDoc[];
  optimizers: readonly EntryDoc[];
  losses: readonly EntryDoc[];
}

/** The registries' own lists. */
export const REGISTRY_SOURCES: SchemaSources = {
  activations: activationRegistry.entries,
  optimizers: optimizerRegistry.entries,
  losses: lossRegistry.entries,
};

/**
 * The schema of one layer, from the layer-kind registry (as it is when called): every kind's keys
 * as properties, and for each kind exactly its keys (the default kind when "type" is absent).
 */
export function layerSchema(limits: Limits): SchemaNode {
  const kinds = layerKinds();
  const properties: Record<string, SchemaNode> = {
    type: { type: 'string', enum: kinds.map((k) => k.name), default: DEFAULT_LAYER_KIND, markdownEnumDescriptions: kinds.map((k) => k.doc) },
  };
  for (const kind of kinds) for (const [key, spec] of Object.entries(kind.keys)) if (!Object.hasOwn(properties, key)) properties[key] = keySchema(spec, limits);
  const common = requiredKeys(kinds[0].keys).filter((k) => kinds.every((kind) => requiredKeys(kind.keys).includes(k)));
  const only = (kind: LayerKind): SchemaNode => {
    const own = requiredKeys(kind.keys).filter((k) => !common.includes(k));
    return { ...onlyKeys(['type', ...Object.keys(kind.keys)]), ...(own.length ? { required: own } : {}) };
  };
  const fallback = kinds.find((k) => k.name === DEFAULT_LAYER_KIND) ?? kinds[0];
  // if type = k₁ then k₁'s keys, else if type = k₂ … else the default kind's keys.
  const branches = kinds
    .filter((k) => k !== fallback)
    .reduceRight<SchemaNode>(
      (otherwise, kind) => ({ if: { properties: { type: { const: kind.name } }, required: ['type'] }, then: only(kind), else: otherwise }),
      only(fallback),
    );
  return {
    type: 'object',
    ...(common.length ? { required: common } : {}),
    markdownDescription: `A layer; \`type\` picks its kind (default \`${DEFAULT_LAYER_KIND}\`): ${kinds.map((k) => `\`${k.name}\` (${k.doc})`).join(', ')}`,
    properties,
    ...branches,
    defaultSnippets: kinds.map((k) => ({ label: `${k.name} layer`, body: { ...k.snippet } })),
  };
}

/** Builds the schema object. */
export function buildSchema(sources: SchemaSources = REGISTRY_SOURCES, limits: Limits = DEFAULT_LIMITS): SchemaNode {
  const layer = layerSchema(limits);
  const training = {
    type: 'object',
    additionalProperties: false,
    markdownDescription: 'How to train (Keras-like `fit` settings).',
    properties: blockSchemaProperties(TRAINING_SPECS, limits),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'NN Lab model description (*.nn.json)',
    description:
      'A neural network, its data and its training, in strict JSON (RFC 8259): no comments, no trailing commas, no duplicate keys. NN Lab reads it alike in the editor, the trainer and the nn-lab command line.',
    type: 'object',
    required: ['data', 'layers'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      name: { type: 'string', markdownDescription: 'A name for the model, shown in reports.' },
      description: { type: 'string', markdownDescription: 'Free text.' },
      data: dataSchema(limits),
      testData: {
        ...dataSchema(limits),
        markdownDescription:
          'A held-out test set, any source as in `data` (same inputs and target columns), evaluated after training (every epoch when cheap) and reported as `testLoss` / `testAccuracy`. Generated test data uses the training seed + 1 unless it sets `seed`.',
      },
      validationData: {
        ...dataSchema(limits),
        markdownDescription:
          'The validation set, any source as in `data` (same inputs and target columns), used instead of `training.validationSplit` (given both, the split is ignored with a warning and every sample of `data` trains): evaluated after every epoch as `valLoss` / `valAccuracy`. Generated validation data uses the training seed + 2 unless it sets `seed`.',
      },
      layers: {
        type: 'array',
        minItems: 1,
        maxItems: limits.maxLayers,
        items: layer,
        markdownDescription: 'The layers, input side first; the last one is the output layer.',
      },
      loss: { ...nameEnum(sources.losses, 'Loss function. Default: `Cross` after softmax, `Binary` after a one-unit sigmoid, `Square` otherwise.') },
      optimizer: {
        ...namedSchema(sources.optimizers, 'Optimizer: a name, or `{ "name": …, hyper-parameters }`. Default `Adam`.'),
        defaultSnippets: [{ label: 'optimizer with parameters', body: { name: '${1:Adam}', alpha: '^${2:0.001}' } }],
      },
      training,
      sweep: sweepSchema(),
    },
    defaultSnippets: [
      {
        label: 'NN Lab model',
        body: {
          $schema: './nn.schema.json',
          data: { generator: 'xor' },
          layers: [
            { units: 8, activation: 'tanh' },
            { units: 1, activation: 'sigmoid' },
          ],
          training: { epochs: 200 },
        },
      },
    ],
  };
}

/** The committed file's exact text: the schema as indented JSON with a final newline. */
export function renderSchema(sources?: SchemaSources): string {
  return JSON.stringify(buildSchema(sources), null, 2) + '\n';
}
