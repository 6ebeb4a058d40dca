/**
 * The shared machinery of every optimizer: the step counter, per-tensor state and argument
 * checks. A concrete optimizer only says how to create the state of one tensor and how to
 * update one tensor in place (one hook, as in tinygrad's `Optimizer._step`).
 */
import type { FloatArray } from '../linalg/float-array';
import { zerosLike } from '../linalg/float-array';
import type { DenseKernel } from '../linalg/kernel';
import type { OptimizerRule } from '../linalg/optimizer-rules';
import { Optimizer } from './optimizer';

/**
 * Base class of the 17 optimizers. One instance serves a whole model: state is kept per
 * parameter tensor, by the tensor's position in the `params` list, and created lazily the first
 * time a position is seen (with that tensor's size), so a tensor may join at any step.
 * `t` counts steps; the first call to `step` runs with t = 1. `t` is global (not per tensor).
 * Given the model's kernel (`useKernel`), the rules a kernel implements (SGD, momentum, the Adam
 * family) keep their state where the kernel works on it and hand each tensor's update to it
 * (`kernelStep`), falling back to their own loop whenever the kernel declines.
 */
export abstract class BaseOptimizer<S> implements Optimizer {
  private steps = 0;
  private readonly states: S[] = [];
  private readonly sizes: number[] = [];
  /** The model's kernel, when given before the first step (`useKernel`). */
  private kernel: DenseKernel | undefined;

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
  step(params: readonly FloatArray[], grads: readonly FloatArray[], loss?: number): void {
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
        this.states.push(this.createState(params[i].length, params[i]));
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

  /**
   * Lets the kernel the model's arrays live in hold this optimizer's state and run its steps. Call it
   * before the first step: state created earlier stays where it is (and those tensors in TypeScript).
   */
  useKernel(kernel: DenseKernel): void {
    this.kernel = kernel;
  }

  /** Fresh state for a tensor of `size` values (the tensor `like`), used from its first update on. */
  protected abstract createState(size: number, like: FloatArray): S;

  /** Updates `p` in place from its gradient `g` and its state at step `t` (t ≥ 1). */
  protected abstract updateTensor(p: FloatArray, g: FloatArray, state: S, t: number): void;

  /** A zeroed state array of `size` values of `like`'s element type, in the kernel's memory when it has one. */
  protected stateArray(like: FloatArray, size: number): FloatArray {
    return this.kernel?.allocLike?.(like, size) ?? zerosLike(like, size);
  }

  /** Runs `rule` on the kernel (see `DenseKernel.optimizerStep`); false when there is none or it declines. */
  protected kernelStep(rule: OptimizerRule, p: FloatArray, g: FloatArray, state: readonly FloatArray[], scalars: readonly number[]): boolean {
    return this.kernel?.optimizerStep?.(rule, p, g, state, scalars) ?? false;
  }
}

/** A new array of `size` zeros (the usual initial moment). */
export function zeros(size: number): Float64Array {
  return new Float64Array(size);
}
