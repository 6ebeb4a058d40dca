/**
 * The learning-rate schedule registry (`training.schedule`): one entry per type, each in its own
 * file, plus the linear warm-up any of them may start with.
 */
import { constantSchedule } from './constant';
import { cosineSchedule } from './cosine';
import { exponentialSchedule } from './exponential';
import { plateauSchedule } from './plateau';
import type { LrSchedule, ResolvedSchedule, ScheduleContext, ScheduleKind } from './schedule';
import { stepSchedule } from './step';

export type { LrSchedule, ResolvedSchedule, ScheduleContext, ScheduleKind } from './schedule';

/** Every schedule type, in documentation order. */
export const SCHEDULES: readonly ScheduleKind[] = [stepSchedule, exponentialSchedule, cosineSchedule, plateauSchedule, constantSchedule];

/** The schedule type called `name`, if any. */
export function findSchedule(name: string): ScheduleKind | undefined {
  return SCHEDULES.find((s) => s.name === name);
}

/**
 * The run's schedule: epochs e < w (w = warmupEpochs) use lr₀·(e + 1)/w, epoch e ≥ w the
 * type's schedule at e − w (which also observes the losses of those epochs only).
 */
export function createSchedule(spec: ResolvedSchedule, ctx: ScheduleContext): LrSchedule {
  const kind = findSchedule(spec.type);
  if (!kind) throw new Error(`unknown schedule "${spec.type}"`);
  const inner = kind.create(spec, ctx);
  const w = spec.warmupEpochs;
  if (w <= 0) return inner;
  let epoch = 0;
  return {
    // lr(e) = lr₀·(e + 1)/w for e < w, else inner(e − w)
    rate: (e) => (e < w ? (ctx.lr0 * (e + 1)) / w : inner.rate(e - w)),
    observe: (loss) => {
      if (epoch++ >= w) inner.observe?.(loss);
    },
  };
}
