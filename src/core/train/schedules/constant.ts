/** The constant schedule: lr₀ throughout (used with "warmupEpochs" for warm-up alone). */
import type { ScheduleKind } from './schedule';

/** `{ "type": "constant" }`: lr(e) = lr₀. */
export const constantSchedule: ScheduleKind = {
  name: 'constant',
  doc: 'The configured rate lr₀ throughout; with `warmupEpochs` it gives a linear warm-up alone.',
  keys: {},
  create: (_spec, { lr0 }) => ({ rate: () => lr0 }),
};
