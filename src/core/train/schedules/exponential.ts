/** Exponential decay, as torch.optim.lr_scheduler.ExponentialLR. */
import { num, type ScheduleKind } from './schedule';

/** `{ "type": "exponential", "gamma": γ }`: lr(e) = lr₀·γ^e. */
export const exponentialSchedule: ScheduleKind = {
  name: 'exponential',
  doc: 'Exponential decay (PyTorch `ExponentialLR`): lr(e) = lr₀·γ^e for epoch e counted from 0.',
  keys: {
    gamma: { type: 'number', min: 0, exclusiveMin: true, required: true, doc: 'Factor γ applied every epoch.' },
  },
  create(spec, { lr0 }) {
    const gamma = num(spec, 'gamma');
    // lr(e) = lr₀·γ^e
    return { rate: (e) => lr0 * gamma ** e };
  },
};
