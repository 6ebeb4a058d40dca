/**
 * What a learning-rate schedule declares (one file per type, e.g. step.ts): its keys (besides
 * "type" and "warmupEpochs"), its doc and formula, and how it computes the rate of each epoch.
 */
import type { KeySpecs } from '../../config/key-spec';

/** A `training.schedule` block with every default filled in. */
export interface ResolvedSchedule {
  /** The schedule's type, e.g. "step". */
  type: string;
  /** Epochs of linear warm-up before the schedule starts (0: none). */
  warmupEpochs: number;
  /** The type's own keys (numbers), defaults filled in (an absent optional key stays absent). */
  [key: string]: string | number;
}

/** What a schedule needs besides its keys. */
export interface ScheduleContext {
  /** The optimizer's configured learning rate lr₀. */
  lr0: number;
  /** `training.epochs`. */
  epochs: number;
}

/** The learning rate of a run, epoch by epoch. */
export interface LrSchedule {
  /** The rate to train epoch `e` with (e counts from 0 in the schedule's own epochs). */
  rate(e: number): number;
  /** Called after each of the schedule's own epochs with the monitored loss (ReduceLROnPlateau). */
  observe?(loss: number): void;
}

/** One schedule type. */
export interface ScheduleKind {
  /** The `"type"` written in the config. */
  readonly name: string;
  /** One sentence (Markdown) for the schema, hovers and docs. */
  readonly doc: string;
  /** Its keys besides "type" and "warmupEpochs". */
  readonly keys: KeySpecs;
  /** Creates the schedule of one run. */
  create(spec: ResolvedSchedule, ctx: ScheduleContext): LrSchedule;
}

/** The number `key` of a resolved schedule (0 when absent or not a number). */
export function num(spec: ResolvedSchedule, key: string, fallback = 0): number {
  const v = spec[key];
  return typeof v === 'number' ? v : fallback;
}
