/**
 * Builders for the hyper-parameter specs the optimizers share (learning rates, decay rates,
 * eps), so that bounds and wording stay the same across the registry.
 */
import { ParamSpec } from '../registry';

/** A step size: a number > 0. */
export function rate(name: string, value: number, doc: string): ParamSpec {
  return { name, default: value, doc, min: 0, exclusiveMin: true };
}

/** A decay rate / averaging coefficient in [0, 1). */
export function decay(name: string, value: number, doc: string): ParamSpec {
  return { name, default: value, doc, min: 0, max: 1, exclusiveMax: true };
}

/**
 * A small constant for numerical safety. `positive` when a value of 0 would bring back a
 * division 0/0 (AdaGrad, AdaMax, Santa's lambda); otherwise 0 is allowed.
 */
export function epsilon(name: string, value: number, doc: string, positive = false): ParamSpec {
  return positive ? { name, default: value, doc, min: 0, exclusiveMin: true } : { name, default: value, doc, min: 0 };
}

/** The usual Adam-family moment rates beta1 = 0.9, beta2 = 0.999. */
export function adamBetas(): ParamSpec[] {
  return [
    decay('beta1', 0.9, 'Decay of the first-moment average m (momentum).'),
    decay('beta2', 0.999, 'Decay of the second-moment average v (squared gradients).'),
  ];
}
