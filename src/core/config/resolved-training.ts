/**
 * The `training` block with its defaults filled in. It names the resolved schedule and early
 * stopping, so it sits above them and below the resolved description (resolved.ts).
 */
import type { ResolvedSchedule } from '../train/schedules/schedule';
import type { TrainingConfig } from './types';
import type { ResolvedEarlyStopping } from './validate-schedule';

/** The keys of `training` that have no default (absent: off). */
type OptionalTrainingKey = 'l1' | 'l2' | 'clipNorm' | 'schedule' | 'earlyStopping';

/** The `training` block with its defaults filled in; the optional features stay absent when off. */
export type ResolvedTraining = Required<Omit<TrainingConfig, OptionalTrainingKey>> & {
  l1?: number;
  l2?: number;
  clipNorm?: number;
  schedule?: ResolvedSchedule;
  earlyStopping?: ResolvedEarlyStopping;
};
