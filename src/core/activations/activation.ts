/**
 * The activation-function interface. Arrays hold one or more samples, row-major:
 * `cols` is the length of the last axis (one sample per row); it defaults to all of x.
 * `backward` is a vector–Jacobian product: given upstream dL/dy it returns dL/dx,
 * which for row-wise functions (softmax, softmin, log-softmax) mixes a row's entries.
 */
import type { FloatArray } from '../linalg/float-array';
import type { ActivationExport } from '../export/forms';
import type { RegistryEntry } from '../registry';

/**
 * An activation's registry entry. `init` is the weight initialiser `init: "auto"` picks for a
 * layer with this activation: He (σ² = 2/fanIn) for the ReLU family and other activations that
 * are ≈ 0 for negative inputs and unbounded above, Xavier (σ² = 2/(fanIn + fanOut)) otherwise.
 */
export interface ActivationEntry extends RegistryEntry<Activation> {
  init: 'he' | 'xavier';
  /** Its PyTorch and ONNX forms, read by the exporters. */
  export: ActivationExport;
}

export interface Activation {
  /** Registry name, e.g. "leaky-ReLU". */
  readonly name: string;
  /** True when y_i depends on x_i alone (everything but softmax, softmin, log-softmax). */
  readonly pointwise: boolean;
  /** y = f(x), newly allocated. */
  forward(x: FloatArray, cols?: number): Float64Array;
  /** dL/dx given x, y = f(x) and dy = dL/dy, newly allocated. */
  backward(x: FloatArray, y: FloatArray, dy: FloatArray, cols?: number): Float64Array;
  /** y = f(x) into `out` (no allocation; `out` may not alias `x` for row-wise functions). */
  forwardInto(x: FloatArray, out: FloatArray, cols: number): void;
  /** dL/dx into `out` (no allocation). */
  backwardInto(x: FloatArray, y: FloatArray, dy: FloatArray, out: FloatArray, cols: number): void;
  /** Elementwise second derivative d²y/dx², where the reference defines it (Swish, Mish, tanhExp). */
  d2y?(x: FloatArray): Float64Array;
}
