import type { FloatArray } from '../linalg/float-array';
import type { PythonLossForm } from '../export/forms';
import type { RegistryEntry } from '../registry';

/**
 * The loss interface. `y` are the network's outputs and `t` the targets, both
 * rows × cols row-major (one sample per row). Convention: the loss of a batch is the
 * mean over samples of the per-sample loss, where the per-sample loss is summed over
 * that sample's outputs (so cross-entropy is not divided by the class count).
 */
export interface Loss {
  /** Registry name: "Square", "Binary" or "Cross". */
  readonly name: string;
  /** Mean over the `rows` samples of the per-sample loss. */
  forward(y: FloatArray, t: FloatArray, rows: number, cols: number): number;
  /** dL/dy of the batch-mean loss into `out` (each entry carries the 1/rows factor). */
  backwardInto(y: FloatArray, t: FloatArray, out: FloatArray, rows: number, cols: number): void;
  /**
   * The output activation this loss fuses with ("sigmoid" for Binary, "softmax" for Cross),
   * computing loss and logit gradient from the pre-activation z so saturation never gives inf/NaN.
   */
  readonly fusesWith?: string;
  /** Mean loss computed stably from logits z (only when `fusesWith` is set). */
  forwardFromLogits?(z: FloatArray, t: FloatArray, rows: number, cols: number): number;
  /**
   * dL/dz into `out`, where y = fusesWith(z) (only when `fusesWith` is set): (y − t)/rows for
   * one-hot or 0/1 targets; Cross writes (y·Σt − t)/rows, which is the same when a row's targets sum to 1
   * and stays right for soft targets that do not.
   */
  logitGradInto?(y: FloatArray, t: FloatArray, out: FloatArray, rows: number, cols: number): void;
}

/** A loss's registry entry, with its form in the exported PyTorch script. */
export interface LossEntry extends RegistryEntry<Loss> {
  /** The files of `python/losses/` defining the script's `loss_sum(z, y, t)`. */
  pytorch: PythonLossForm;
}
