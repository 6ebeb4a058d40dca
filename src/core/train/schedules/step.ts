/** Step decay, as torch.optim.lr_scheduler.StepLR. */
import { num, type ScheduleKind } from './schedule';

/** `{ "type": "step", "stepSize": s, "gamma": γ }`: lr(e) = lr₀·γ^⌊e/s⌋. */
export const stepSchedule: ScheduleKind = {
  name: 'step',
  doc: 'Step decay (PyTorch `StepLR`): lr(e) = lr₀·γ^⌊e/s⌋ for epoch e counted from 0.',
  keys: {
    stepSize: { type: 'integer', min: 1, max: 'maxEpochs', required: true, doc: 'Epochs s between two decays.' },
    gamma: { type: 'number', min: 0, exclusiveMin: true, default: 0.1, doc: 'Factor γ applied every s epochs.' },
  },
  create(spec, { lr0 }) {
    const s = num(spec, 'stepSize', 1),
      gamma = num(spec, 'gamma');
    // lr(e) = lr₀·γ^⌊e/s⌋
    return { rate: (e) => lr0 * gamma ** Math.floor(e / s) };
  },
};
