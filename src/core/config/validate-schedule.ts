/**
 * The `training.schedule` and `training.earlyStopping` blocks: their checks and JSON Schemas,
 * from the schedule registry (src/core/train/schedules/) and the key specs below.
 */
import { Checker } from './checks';
import type { Monitor } from './types';
import { blockSchemaProperties, checkBlock, expectObject, keySchema, requiredKeys, type KeySpecs } from './key-spec';
import type { Limits } from './limits';
import type { JsonPath } from '../problems';
import { onlyKeys, type SchemaNode } from './schema-parts';
import { findSchedule, SCHEDULES, type ResolvedSchedule } from '../train/schedules';

/** What early stopping may watch. */
export const MONITORS: readonly Monitor[] = ['loss', 'valLoss', 'accuracy', 'valAccuracy'];

/** A metric early stopping watches (declared with the plain types). */
export type { Monitor } from './types';

/** The `earlyStopping` block with its defaults filled in (`monitor` absent: valLoss with validation data, else loss). */
export interface ResolvedEarlyStopping {
  monitor?: Monitor;
  patience: number;
  minDelta: number;
  restoreBest: boolean;
}

/** The keys every schedule takes besides its own. */
export const SCHEDULE_COMMON_SPECS: KeySpecs = {
  warmupEpochs: {
    type: 'integer',
    min: 0,
    max: 'maxEpochs',
    default: 0,
    doc: 'Linear warm-up: epochs e < w train with lr₀·(e + 1)/w, and epoch e ≥ w with the schedule at e − w.',
  },
};

/** The keys of `training.earlyStopping`. */
export const EARLY_STOPPING_SPECS: KeySpecs = {
  monitor: {
    type: 'choice',
    choices: MONITORS,
    docDefault: '`valLoss` with validation data, else `loss`',
    doc: 'The metric watched: lower is better for the losses, higher for the accuracies.',
  },
  patience: { type: 'integer', min: 1, max: 'maxEpochs', default: 10, doc: 'Training stops after this many epochs in a row without improvement.' },
  minDelta: { type: 'number', min: 0, default: 0, doc: 'An epoch improves when it beats the best so far by more than this.' },
  restoreBest: {
    type: 'boolean',
    default: true,
    doc: 'Restore the weights (and running statistics) of the best epoch whenever the run ends: stopped early, epochs used up, or stopped by hand.',
  },
};

/** Checks `training.schedule`; returns it resolved, or undefined (problems recorded). */
export function checkSchedule(c: Checker, value: unknown, path: JsonPath): ResolvedSchedule | undefined {
  if (!expectObject(c, value, path, 'schedule', '{ "type": "step", "stepSize": 10, "gamma": 0.5 }')) return undefined;
  const names = SCHEDULES.map((s) => s.name);
  if (typeof value.type !== 'string') {
    c.error([...path, 'type'], `schedule needs "type": one of ${names.map((n) => `"${n}"`).join(', ')}`, 'missing');
    return undefined;
  }
  const kind = findSchedule(value.type);
  if (!kind) {
    c.error([...path, 'type'], `unknown schedule "${value.type}": use one of ${names.map((n) => `"${n}"`).join(', ')}`);
    return undefined;
  }
  const { values, ok } = checkBlock(c, value, { ...kind.keys, ...SCHEDULE_COMMON_SPECS }, path, { where: `a ${kind.name} schedule`, extraKeys: ['type'] });
  if (!ok) return undefined;
  return { ...(values as Record<string, number>), type: kind.name, warmupEpochs: values.warmupEpochs as number };
}

/** Checks `training.earlyStopping`; returns it resolved, or undefined (problems recorded). */
export function checkEarlyStopping(c: Checker, value: unknown, path: JsonPath): ResolvedEarlyStopping | undefined {
  if (!expectObject(c, value, path, 'earlyStopping', '{ "patience": 10 }')) return undefined;
  const { values, ok } = checkBlock(c, value, EARLY_STOPPING_SPECS, path, { where: 'earlyStopping' });
  return ok ? (values as unknown as ResolvedEarlyStopping) : undefined;
}

/** The schema of `training.schedule`: "type" picks the schedule, each with exactly its keys. */
export function scheduleSchema(limits: Limits): SchemaNode {
  const properties: Record<string, SchemaNode> = {
    type: { type: 'string', enum: SCHEDULES.map((s) => s.name), markdownEnumDescriptions: SCHEDULES.map((s) => s.doc) },
    ...blockSchemaProperties(SCHEDULE_COMMON_SPECS, limits),
  };
  for (const s of SCHEDULES) for (const [key, spec] of Object.entries(s.keys)) if (!Object.hasOwn(properties, key)) properties[key] = keySchema(spec, limits);
  const common = Object.keys(SCHEDULE_COMMON_SPECS);
  return {
    type: 'object',
    required: ['type'],
    markdownDescription: `Sets the optimizer's learning rate once per epoch (epoch e from 0; lr₀ is the optimizer's configured rate): ${SCHEDULES.map((s) => `\`${s.name}\` (${s.doc})`).join(' ')}`,
    properties,
    allOf: SCHEDULES.map((s) => {
      const req = requiredKeys(s.keys);
      return {
        if: { properties: { type: { const: s.name } }, required: ['type'] },
        then: { ...onlyKeys(['type', ...common, ...Object.keys(s.keys)]), ...(req.length ? { required: req } : {}) },
      };
    }),
  };
}

/** The schema of `training.earlyStopping`. */
export function earlyStoppingSchema(limits: Limits): SchemaNode {
  return {
    type: 'object',
    additionalProperties: false,
    markdownDescription:
      'Stops training after `patience` epochs in a row without improvement of `monitor`; with `restoreBest`, the best epoch’s weights are restored whenever the run ends.',
    properties: blockSchemaProperties(EARLY_STOPPING_SPECS, limits),
  };
}
