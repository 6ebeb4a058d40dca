/**
 * The JSON Schema of `sweep.parameters`: any path as a key, each either a list of values or a
 * range. (The block's other keys come from their key specs, see `sweep-schema.ts`.)
 */
import type { SchemaNode } from '../config/schema-parts';
import { SWEEP_LIMITS } from './sweep-types';

/** The schema of `sweep.parameters`. */
export function parametersSchema(): SchemaNode {
  const values: SchemaNode = {
    type: 'object',
    required: ['values'],
    additionalProperties: false,
    properties: {
      values: { type: 'array', minItems: 1, maxItems: SWEEP_LIMITS.maxValues, markdownDescription: 'The values to try, in order.' },
    },
  };
  const range: SchemaNode = {
    type: 'object',
    required: ['min', 'max'],
    additionalProperties: false,
    properties: {
      min: { type: 'number', markdownDescription: 'Smallest value drawn.' },
      max: { type: 'number', markdownDescription: 'Largest value drawn.' },
      scale: {
        type: 'string',
        enum: ['linear', 'log'],
        default: 'linear',
        markdownDescription: '`linear`: uniform in the value; `log`: uniform in its logarithm (needs `min` > 0), for learning rates and penalties.',
      },
      integer: { type: 'boolean', default: false, markdownDescription: 'Draw whole numbers only (within `min` and `max`).' },
    },
  };
  return {
    type: 'object',
    minProperties: 1,
    maxProperties: SWEEP_LIMITS.maxParameters,
    additionalProperties: { oneOf: [values, range] },
    defaultSnippets: [{ label: 'learning rate', body: { 'optimizer.alpha': { values: ['^${1:0.001}', '^${2:0.01}', '^${3:0.1}'] } } }],
  };
}
