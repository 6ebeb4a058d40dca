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
  step(params: Float64Array[], grads: Float64Array[], loss?: number): void;
}
