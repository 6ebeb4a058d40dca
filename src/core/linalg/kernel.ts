/**
 * The dense linear-algebra kernel: the three matrix products of a layer's forward and
 * backward pass. All matrices are row-major `FloatArray`s (float-array.ts): Float64Array, or
 * Float32Array in a float32 model on the WebAssembly kernel, whose `alloc` hands them out; outputs
 * are overwritten, and callers pass preallocated buffers. Two backends: the plain TypeScript `jsKernel`
 * (js-kernel.ts, the fallback) and the WebAssembly SIMD `WasmKernel` (wasm-kernel.ts; two
 * threads in threaded-kernel.ts); `createKernel` (default-kernel.ts) picks one per model.
 * The optional members let a backend hold the layers' arrays and take over a few elementwise
 * passes; layers fall back to plain arrays and the activations' own code without them.
 */
import type { FloatArray } from './float-array';
import type { OptimizerRule } from './optimizer-rules';
export interface DenseKernel {
  /** Backend name for logs and benchmarks. */
  readonly name: string;
  /** Forward: C[n×m] = A[n×k] · B[k×m], plus bias[m] added to every row when given. */
  matmul(a: FloatArray, b: FloatArray, c: FloatArray, n: number, k: number, m: number, bias?: FloatArray): void;
  /** Weight gradient: C[k×m] = Aᵀ · B, with A[n×k] and B[n×m]. */
  matmulTransA(a: FloatArray, b: FloatArray, c: FloatArray, n: number, k: number, m: number): void;
  /** Input gradient: C[n×k] = A · Bᵀ, with A[n×m] and B[k×m]. */
  matmulTransB(a: FloatArray, b: FloatArray, c: FloatArray, n: number, m: number, k: number): void;
  /**
   * A zeroed array of `length` where this kernel works fastest on it (e.g. inside a WebAssembly
   * memory, so products read it in place). Absent: plain `new Float64Array(length)` is as good.
   */
  alloc?(length: number): FloatArray;
  /**
   * The divergence check after every step: the first value of `arrays` that is NaN or beyond ±limit,
   * or undefined (the same answer as the trainer's `firstRunaway`). Absent: the trainer scans in TypeScript.
   */
  firstRunaway?(arrays: readonly FloatArray[], limit: number): number | undefined;
  /**
   * Applies the activation `name` elementwise, y = f(z), when the kernel implements it for these
   * arrays (same numbers as the registry's activation); returns false to leave it to the activation.
   */
  activationInto?(name: string, z: FloatArray, y: FloatArray): boolean;
  /** The matching backward, dz = f′(z) · dy; false when not handled. */
  activationBackwardInto?(name: string, z: FloatArray, dy: FloatArray, dz: FloatArray): boolean;
  /**
   * Dropout's training forward over the first mask.length values of x (n·features, row-major), with
   * `rng` an xoshiro128** `Rng`: one `rng.uniform()` per element in order, mask[k] = u ≥ rate ? keepScale : 0, y[k] = x[k]·mask[k], leaving `rng` where the
   * TypeScript loop would; same numbers bit for bit. False (nothing drawn) to leave it to the layer.
   */
  dropoutForward?(rng: GeneratorState, rate: number, keepScale: number, x: FloatArray, mask: FloatArray, y: FloatArray): boolean;
  /** Dropout's backward dx = dy ⊙ mask; false when not handled. */
  dropoutBackward?(mask: FloatArray, dy: FloatArray, dx: FloatArray): boolean;
  /**
   * Batch normalisation's forward over x[n×features] into x̂ and y (../layers/batch-norm.ts has the
   * formulas): training uses and stores the batch statistics and updates the running ones; same
   * numbers bit for bit as the layer's TypeScript. False (nothing written) to leave it to the layer.
   */
  batchNormForward?(bn: BatchNormArrays, training: boolean, x: FloatArray, xHat: FloatArray, y: FloatArray, n: number): boolean;
  /** Batch normalisation's backward: dγ, dβ, and dx unless it is undefined; false when not handled. */
  batchNormBackward?(bn: BatchNormArrays, training: boolean, dy: FloatArray, xHat: FloatArray, dx: FloatArray | undefined, n: number): boolean;
  /** An int32 counterpart of `alloc` (index tables, arg-max indices); absent: `new Int32Array(length)`. */
  allocIndex?(length: number): Int32Array;
  /**
   * im2col for a convolution: cols[i·per + t] = table[t] ≥ 0 ? x[(first + i)·inputs + table[t]] : 0 for
   * i < count, t < per = table.length (../layers/conv2d.ts); same numbers as its TypeScript loop. False
   * (nothing written) to leave it to the layer.
   */
  im2col?(table: Int32Array, x: FloatArray, first: number, count: number, inputs: number, cols: FloatArray): boolean;
  /** col2im: dx (n·inputs values) zeroed, then dx[i·inputs + table[t]] += dCols[i·per + t] in order; false when not handled. */
  col2im?(table: Int32Array, dCols: FloatArray, n: number, inputs: number, dx: FloatArray): boolean;
  /** A convolution's output z[(first + i)·f + j, q] = zCol[(i·p + q)·f + j] + b[j] for i < count; false when not handled. */
  convOutput?(zCol: FloatArray, b: FloatArray, z: FloatArray, first: number, count: number, f: number, p: number): boolean;
  /** Its backward: dzCol[(i·p + q)·f + j] = dz[(i·f + j)·p + q], db[j] = Σ_i Σ_q dz[i, j, q] (inner sums first); false when not handled. */
  convOutputGrad?(dz: FloatArray, dzCol: FloatArray, db: FloatArray, n: number, f: number, p: number): boolean;
  /** Max pooling's forward over n samples (../layers/pool2d.ts): y and the arg-max indices; false when not handled. */
  maxPoolForward?(g: PoolGeometry, x: FloatArray, y: FloatArray, arg: Int32Array, n: number): boolean;
  /** Max pooling's backward: dx zeroed, then dx[i·inputs + arg[i·outputs + o]] += dy[i·outputs + o] in order; false when not handled. */
  maxPoolBackward?(arg: Int32Array, dy: FloatArray, dx: FloatArray, n: number, inputs: number, outputs: number): boolean;
  /** Average pooling's forward over n samples (../layers/pool2d.ts): y = (window sum)·(1/(kh·kw)); false when not handled. */
  avgPoolForward?(g: PoolGeometry, x: FloatArray, y: FloatArray, n: number): boolean;
  /** Its backward: dx zeroed, then every window's inputs += dy·(1/(kh·kw)) in order; false when not handled. */
  avgPoolBackward?(g: PoolGeometry, dy: FloatArray, dx: FloatArray, n: number): boolean;
  /** Releases what the kernel holds besides memory (e.g. a helper thread); it still works afterwards. */
  dispose?(): void;
  /**
   * A zeroed array of `length` with the element type of `like` (Float64Array or Float32Array) where this
   * kernel works on it, for an optimizer's state; absent: the optimizer allocates it itself.
   */
  allocLike?(like: FloatArray, length: number): FloatArray;
  /**
   * One optimizer step of `rule` over the tensor p in place, with its gradient g, its state arrays and the
   * rule's scalars (optimizer-rules.ts); same numbers as the optimizer's TypeScript loop bit for bit, for
   * float64 and float32 storage. False (nothing written) to leave it to the optimizer.
   */
  optimizerStep?(rule: OptimizerRule, p: FloatArray, g: FloatArray, state: readonly FloatArray[], scalars: readonly number[]): boolean;
}

/** A pooling window's geometry as a kernel sees it (a `WindowGeometry` without padding). */
export interface PoolGeometry {
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly oh: number;
  readonly ow: number;
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
}

/** A random generator whose state a kernel can take over and give back (`Rng`, xoshiro128**: four int32 words). */
export interface GeneratorState {
  /** Writes the state words into out[at..at + 3]. */
  saveState(out: Int32Array, at: number): void;
  /** Continues from the state words in src[at..at + 3]. */
  loadState(src: Int32Array, at: number): void;
}

/** A batch normalisation layer's settings and per-feature arrays (each of length `features`), as a kernel sees them. */
export interface BatchNormArrays {
  readonly features: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly gamma: FloatArray;
  readonly beta: FloatArray;
  readonly dGamma: FloatArray;
  readonly dBeta: FloatArray;
  readonly runningMean: FloatArray;
  readonly runningVar: FloatArray;
  /** μ of the last forward batch (the running mean in evaluation). */
  readonly mean: FloatArray;
  /** 1/√(σ² + ε) of the last forward batch (of the running variance in evaluation). */
  readonly invStd: FloatArray;
}

/** Creates a layer's arrays: a kernel's `alloc` (float32 for a float32 WebAssembly kernel) or plain `new Float64Array`. */
export type FloatAllocator = (length: number) => FloatArray;

/** The allocator a layer using `kernel` should take its arrays from. */
export function allocatorOf(kernel: DenseKernel): FloatAllocator {
  return kernel.alloc ? (length) => kernel.alloc!(length) : (length) => new Float64Array(length);
}

/** The int32 allocator a layer using `kernel` should take its index arrays from. */
export function indexAllocatorOf(kernel: DenseKernel): (length: number) => Int32Array {
  return kernel.allocIndex ? (length) => kernel.allocIndex!(length) : (length) => new Int32Array(length);
}
