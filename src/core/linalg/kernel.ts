/**
 * The dense linear-algebra kernel: the three matrix products of a layer's forward and
 * backward pass. All matrices are row-major Float64Arrays; outputs are overwritten, and
 * callers pass preallocated buffers. Two backends: the plain TypeScript `jsKernel`
 * (js-kernel.ts, the fallback) and the WebAssembly SIMD `WasmKernel` (wasm-kernel.ts; two
 * threads in threaded-kernel.ts); `createKernel` (default-kernel.ts) picks one per model.
 * The optional members let a backend hold the layers' arrays and take over a few elementwise
 * passes; layers fall back to plain arrays and the activations' own code without them.
 */
export interface DenseKernel {
  /** Backend name for logs and benchmarks. */
  readonly name: string;
  /** Forward: C[n×m] = A[n×k] · B[k×m], plus bias[m] added to every row when given. */
  matmul(a: Float64Array, b: Float64Array, c: Float64Array, n: number, k: number, m: number, bias?: Float64Array): void;
  /** Weight gradient: C[k×m] = Aᵀ · B, with A[n×k] and B[n×m]. */
  matmulTransA(a: Float64Array, b: Float64Array, c: Float64Array, n: number, k: number, m: number): void;
  /** Input gradient: C[n×k] = A · Bᵀ, with A[n×m] and B[k×m]. */
  matmulTransB(a: Float64Array, b: Float64Array, c: Float64Array, n: number, m: number, k: number): void;
  /**
   * A zeroed array of `length` where this kernel works fastest on it (e.g. inside a WebAssembly
   * memory, so products read it in place). Absent: plain `new Float64Array(length)` is as good.
   */
  alloc?(length: number): Float64Array;
  /**
   * The first NaN or ±Infinity in `arrays` (the divergence check after every step), or undefined.
   * Absent: the trainer scans in TypeScript.
   */
  firstNonFinite?(arrays: readonly Float64Array[]): number | undefined;
  /**
   * Applies the activation `name` elementwise, y = f(z), when the kernel implements it for these
   * arrays (same numbers as the registry's activation); returns false to leave it to the activation.
   */
  activationInto?(name: string, z: Float64Array, y: Float64Array): boolean;
  /** The matching backward, dz = f′(z) · dy; false when not handled. */
  activationBackwardInto?(name: string, z: Float64Array, dy: Float64Array, dz: Float64Array): boolean;
  /**
   * Dropout's training forward over the first mask.length values of x (n·features, row-major), with
   * `rng` an xoshiro128** `Rng`: one `rng.uniform()` per element in order, mask[k] = u ≥ rate ? keepScale : 0, y[k] = x[k]·mask[k], leaving `rng` where the
   * TypeScript loop would; same numbers bit for bit. False (nothing drawn) to leave it to the layer.
   */
  dropoutForward?(rng: GeneratorState, rate: number, keepScale: number, x: Float64Array, mask: Float64Array, y: Float64Array): boolean;
  /** Dropout's backward dx = dy ⊙ mask; false when not handled. */
  dropoutBackward?(mask: Float64Array, dy: Float64Array, dx: Float64Array): boolean;
  /**
   * Batch normalisation's forward over x[n×features] into x̂ and y (../layers/batch-norm.ts has the
   * formulas): training uses and stores the batch statistics and updates the running ones; same
   * numbers bit for bit as the layer's TypeScript. False (nothing written) to leave it to the layer.
   */
  batchNormForward?(bn: BatchNormArrays, training: boolean, x: Float64Array, xHat: Float64Array, y: Float64Array, n: number): boolean;
  /** Batch normalisation's backward: dγ, dβ, and dx unless it is undefined; false when not handled. */
  batchNormBackward?(bn: BatchNormArrays, training: boolean, dy: Float64Array, xHat: Float64Array, dx: Float64Array | undefined, n: number): boolean;
  /** Releases what the kernel holds besides memory (e.g. a helper thread); it still works afterwards. */
  dispose?(): void;
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
  readonly gamma: Float64Array;
  readonly beta: Float64Array;
  readonly dGamma: Float64Array;
  readonly dBeta: Float64Array;
  readonly runningMean: Float64Array;
  readonly runningVar: Float64Array;
  /** μ of the last forward batch (the running mean in evaluation). */
  readonly mean: Float64Array;
  /** 1/√(σ² + ε) of the last forward batch (of the running variance in evaluation). */
  readonly invStd: Float64Array;
}

/** Creates float64 arrays: a kernel's `alloc` or plain `new Float64Array`. */
export type Float64Allocator = (length: number) => Float64Array;

/** The allocator a layer using `kernel` should take its arrays from. */
export function allocatorOf(kernel: DenseKernel): Float64Allocator {
  return kernel.alloc ? (length) => kernel.alloc!(length) : (length) => new Float64Array(length);
}
