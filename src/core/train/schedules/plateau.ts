/** Reduce on plateau, as torch.optim.lr_scheduler.ReduceLROnPlateau (mode "min", threshold mode "rel"). */
import { num, type LrSchedule, type ScheduleKind } from './schedule';

/** PyTorch's `eps`: a reduction smaller than this is skipped. */
const MIN_CHANGE = 1e-8;

/**
 * The state machine of ReduceLROnPlateau. After each epoch with loss L:
 *   improved when L < best·(1 − threshold) → best = L, bad = 0; else bad += 1;
 *   in cool-down (counter > 0): counter −= 1, bad = 0;
 *   bad > patience → lr ← max(lr·factor, minLr) (skipped when the change ≤ 1e-8), counter = cooldown, bad = 0.
 */
export class PlateauSchedule implements LrSchedule {
  private lr: number;
  private best = Infinity;
  private bad = 0;
  private coolDown = 0;

  constructor(
    lr0: number,
    private readonly h: { factor: number; patience: number; threshold: number; cooldown: number; minLr: number },
  ) {
    this.lr = lr0;
  }

  rate(): number {
    return this.lr;
  }

  observe(loss: number): void {
    if (loss < this.best * (1 - this.h.threshold)) {
      this.best = loss;
      this.bad = 0;
    } else this.bad++;
    if (this.coolDown > 0) {
      this.coolDown--;
      this.bad = 0;
    }
    if (this.bad > this.h.patience) {
      const next = Math.max(this.lr * this.h.factor, this.h.minLr);
      if (this.lr - next > MIN_CHANGE) this.lr = next;
      this.coolDown = this.h.cooldown;
      this.bad = 0;
    }
  }
}

/** `{ "type": "plateau", "factor", "patience", "threshold", "cooldown", "minLr" }`. */
export const plateauSchedule: ScheduleKind = {
  name: 'plateau',
  doc: 'Reduce on plateau (PyTorch `ReduceLROnPlateau`, mode min, relative threshold) on the validation loss, else the training loss: after `patience` epochs without a loss below best·(1 − threshold), lr ← max(lr·factor, minLr).',
  keys: {
    factor: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, default: 0.1, doc: 'Factor the rate is multiplied by on a plateau.' },
    patience: { type: 'integer', min: 0, max: 'maxEpochs', default: 10, doc: 'Epochs without improvement tolerated before reducing.' },
    threshold: { type: 'number', min: 0, max: 1, exclusiveMax: true, default: 1e-4, doc: 'Relative improvement that counts: L < best·(1 − threshold).' },
    cooldown: { type: 'integer', min: 0, max: 'maxEpochs', default: 0, doc: 'Epochs after a reduction during which no epoch counts as bad.' },
    minLr: { type: 'number', min: 0, default: 0, doc: 'Lowest rate.' },
  },
  create: (spec, { lr0 }) =>
    new PlateauSchedule(lr0, {
      factor: num(spec, 'factor'),
      patience: num(spec, 'patience'),
      threshold: num(spec, 'threshold'),
      cooldown: num(spec, 'cooldown'),
      minLr: num(spec, 'minLr'),
    }),
};
