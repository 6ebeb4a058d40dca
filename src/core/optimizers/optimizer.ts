import type { FloatArray } from '../linalg/float-array';
import type { PythonOptimizerForm } from '../export/forms';
import type { RegistryEntry } from '../registry';

/**
 * The optimizer interface: one instance serves every parameter tensor of a model,
 * keeping separate state per tensor (by its position in the `params` list).
 */
export interface Optimizer {
  /** Registry name, e.g. "AdaBound". */
  readonly name: string;
  /** Steps taken so far; the first call to `step` runs with t = 1. */
  readonly t: number;
  /**
   * One update of every tensor in place: params[i] -= update(grads[i]).
   * `loss` is the loss at the current parameters (Eve's feedback needs it).
   */
  step(params: FloatArray[], grads: FloatArray[], loss?: number): void;
  /** Sets the learning rate (the hyper-parameter its entry's `learningRate` names); absent when it has none (AdaDelta). */
  setLearningRate?(lr: number): void;
}

/** An optimizer's registry entry, with its form in the exported PyTorch script. */
export interface OptimizerEntry extends RegistryEntry<Optimizer> {
  /** How the exported script builds it (its hyper-parameters named by `params`). */
  pytorch: PythonOptimizerForm;
  /**
   * The hyper-parameter that is "the learning rate" (SGD's η, Adam's α, …), which a
   * `training.schedule` sets once per epoch; absent when there is none (AdaDelta).
   */
  learningRate?: string;
  /**
   * Hyper-parameters a schedule scales in proportion to the learning rate, h ← h₀·lr/lr₀ (AdaBound's
   * final rate η, whose bounds follow α as in Luo et al.'s reference code); absent: none.
   */
  scaledWithRate?: readonly string[];
}
