/**
 * The shared machinery of every optimizer: the step counter, per-tensor state and argument
 * checks. A concrete optimizer only says how to create the state of one tensor and how to
 * update one tensor in place (one hook, as in tinygrad's `Optimizer._step`).
 */
import type { FloatArray } from '../linalg/float-array';
import { Optimizer } from './optimizer';

/**
 * Base class of the 17 optimizers. One instance serves a whole model: state is kept per
 * parameter tensor, by the tensor's position in the `params` list, and created lazily the first
 * time a position is seen (with that tensor's size), so a tensor may join at any step.
 * `t` counts steps; the first call to `step` runs with t = 1. `t` is global (not per tensor).
 */
export abstract class BaseOptimizer<S> implements Optimizer {
  private steps = 0;
  private readonly states: S[] = [];
  private readonly sizes: number[] = [];

  /** `name` is the registry name, e.g. "Adam". */
  constructor(readonly name: string) {}

  /** Steps taken so far (0 before the first call to `step`). */
  get t(): number {
    return this.steps;
  }

  /**
   * Updates every tensor in place with its gradient. Throws (before changing anything) when
   * `params` and `grads` differ in count or in a tensor's length, or when a position that
   * already has state is given a tensor of another size.
   */
  step(params: FloatArray[], grads: FloatArray[], loss?: number): void {
    if (params.length !== grads.length) throw new Error(`${this.name}: got ${params.length} parameter tensors but ${grads.length} gradients`);
    for (let i = 0; i < params.length; i++) {
      if (params[i].length !== grads[i].length)
        throw new Error(`${this.name}: tensor ${i} has ${params[i].length} values but its gradient has ${grads[i].length}`);
      if (i < this.sizes.length && this.sizes[i] !== params[i].length)
        throw new Error(
          `${this.name}: tensor ${i} had ${this.sizes[i]} values, now ${params[i].length}; one optimizer instance serves one fixed list of tensors`,
        );
    }
    const t = this.steps + 1;
    this.beginStep(t, loss);
    this.steps = t;
    for (let i = 0; i < params.length; i++) {
      // Created right before its first update, so random draws happen in tensor order.
      if (i >= this.states.length) {
        this.states.push(this.createState(params[i].length));
        this.sizes.push(params[i].length);
      }
      this.updateTensor(params[i], grads[i], this.states[i], t);
    }
  }

  /**
   * Called once per step before any tensor is updated, with the step number it will run as
   * and the loss given to `step`. Optimizers with global (not per-tensor) state override it;
   * throwing here leaves the optimizer and the parameters unchanged.
   */
  protected beginStep(_t: number, _loss: number | undefined): void {
    // Most optimizers keep no global state.
  }

  /** Fresh state for a tensor of `size` values, used from its first update on. */
  protected abstract createState(size: number): S;

  /** Updates `p` in place from its gradient `g` and its state at step `t` (t ≥ 1). */
  protected abstract updateTensor(p: FloatArray, g: FloatArray, state: S, t: number): void;
}

/** A new array of `size` zeros (the usual initial moment). */
export function zeros(size: number): Float64Array {
  return new Float64Array(size);
}
