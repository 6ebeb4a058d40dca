/** Cosine annealing, as torch.optim.lr_scheduler.CosineAnnealingLR (one half period, then flat). */
import { num, type ScheduleKind } from './schedule';

/** `{ "type": "cosine", "epochs": T, "minLr": m }`: lr(e) = m + (lr₀ − m)·(1 + cos(π·min(e, T)/T))/2. */
export const cosineSchedule: ScheduleKind = {
  name: 'cosine',
  doc: 'Cosine annealing (PyTorch `CosineAnnealingLR`): lr(e) = m + (lr₀ − m)·(1 + cos(π·min(e, T)/T))/2, from lr₀ down to m over T epochs, then m.',
  keys: {
    epochs: { type: 'integer', min: 1, max: 'maxEpochs', docDefault: '`training.epochs`', doc: 'Epochs T of the half cosine.' },
    minLr: { type: 'number', min: 0, default: 0, doc: 'Rate m reached after T epochs.' },
  },
  create(spec, { lr0, epochs }) {
    const T = num(spec, 'epochs', epochs),
      m = num(spec, 'minLr');
    // lr(e) = m + (lr₀ − m)·(1 + cos(π·min(e, T)/T))/2
    return { rate: (e) => m + ((lr0 - m) * (1 + Math.cos((Math.PI * Math.min(e, T)) / T))) / 2 };
  },
};
