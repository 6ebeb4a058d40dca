/**
 * The JSON Schema of the top-level `"sweep"` block, from its key specs (`SWEEP_SPECS`).
 */
import { blockSchemaProperties } from '../config/key-spec';
import { DEFAULT_LIMITS } from '../config/limits';
import type { SchemaNode } from '../config/schema-parts';
import { SWEEP_SPECS } from './check-sweep';

/** The schema of the `sweep` block. */
export function sweepSchema(): SchemaNode {
  return {
    type: 'object',
    required: ['parameters'],
    additionalProperties: false,
    markdownDescription:
      'A sweep over settings of this config, run by `nn-lab sweep` (training ignores it): `grid` trains every combination of the listed values, `random` draws `runs` combinations; each combination trains `repeats` times (seeds `training.seed`, +1, …) and the best by `metric` (mean over repeats) is reported.',
    properties: blockSchemaProperties(SWEEP_SPECS, DEFAULT_LIMITS),
    defaultSnippets: [
      {
        label: 'sweep',
        body: { method: 'grid', metric: '${1:loss}', parameters: { 'optimizer.alpha': { values: ['^${2:0.001}', '^${3:0.01}', '^${4:0.1}'] } } },
      },
    ],
  };
}
