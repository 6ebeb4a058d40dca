/**
 * The optimizer registry: ONE list, in the reference's order, is the single source of truth
 * for names, parameters, defaults, documentation and the JSON Schema. Each entry lives beside
 * its implementation in `<name>.ts`.
 */
import { Registry } from '../registry';
import { adadeltaEntry } from './adadelta';
import { adagradEntry } from './adagrad';
import { adamEntry } from './adam';
import { adamaxEntry } from './adamax';
import { adaboundEntry } from './adabound';
import { amsboundEntry } from './amsbound';
import { amsgradEntry } from './amsgrad';
import { eveEntry } from './eve';
import { msgdEntry } from './msgd';
import { nadamEntry } from './nadam';
import { nagEntry } from './nag';
import type { Optimizer, OptimizerEntry } from './optimizer';
import { rmspropEntry } from './rmsprop';
import { rmspropGravesEntry } from './rmsprop-graves';
import { santaEEntry } from './santa-e';
import { santaSSSEntry } from './santa-sss';
import { sgdEntry } from './sgd';
import { smorms3Entry } from './smorms3';

/** Every optimizer, in the reference's order ("SDG" is accepted as an alias of SGD). */
export const OPTIMIZERS: readonly OptimizerEntry[] = [
  sgdEntry,
  msgdEntry,
  nagEntry,
  adagradEntry,
  rmspropEntry,
  adadeltaEntry,
  adamEntry,
  rmspropGravesEntry,
  smorms3Entry,
  adamaxEntry,
  nadamEntry,
  eveEntry,
  santaEEntry,
  santaSSSEntry,
  amsgradEntry,
  adaboundEntry,
  amsboundEntry,
];

/** Lookup of optimizers by name: `optimizerRegistry.create('Adam', { alpha: 0.01 }, { rng })`. */
export const optimizerRegistry = new Registry<Optimizer, OptimizerEntry>('optimizer', OPTIMIZERS);

export type { Optimizer, OptimizerEntry } from './optimizer';
export { BaseOptimizer } from './base';
