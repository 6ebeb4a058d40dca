/**
 * The WebAssembly SIMD dense kernel (see wasm/gemm64.ts and wasm/gemm32.ts for the loops).
 *
 * Layers built with this kernel allocate their weights, gradients and batch buffers with
 * `alloc`, i.e. inside the kernel's shared WebAssembly memory, so the products read and write
 * them in place. Arrays from elsewhere (a caller's own Float64Array) still work: they are copied
 * into reused scratch regions and results copied back. Nothing is allocated per call once the
 * scratch regions have reached their size.
 *
 * Precision `float64` keeps every array a Float64Array and computes in f64x2. Precision `float32`
 * allocates every array as a Float32Array (weights, gradients, activations, batch buffers, masks,
 * optimizer state): the products multiply in f32x4 with float32 accumulation straight from and into
 * those arrays, and the elementwise passes store float32 (wasm-conv-passes.ts, wasm-layer-passes.ts).
 * A float64 array handed to a float32 kernel (a caller's own) is rounded into scratch on the way in
 * and widened on the way out. The relaxed-SIMD build (wasm-module.ts) fuses the float32
 * multiply–adds; its float64 numbers are the plain build's.
 *
 * The products themselves are all one routine, C += Â·B with Â read through strides:
 *   matmul:       C[n×m] = bias + A[n×k]·B[k×m]       Â = A  (row stride k, step 1)
 *   matmulTransA: C[k×m] = Aᵀ·B, A[n×k], B[n×m]      Â = Aᵀ (row stride 1, step k)
 *   matmulTransB: C[n×k] = A·Bᵀ, A[n×m], B[k×m]      B transposed into scratch first.
 * Besides the products, the passes around them run in WebAssembly on arrays in the kernel's memory,
 * with the same numbers as the layers' TypeScript bit for bit: ReLU, the divergence check, dropout and
 * batch normalisation (wasm-layer-passes.ts), and convolution's and pooling's (wasm-conv-passes.ts).
 */
import type { Precision } from '../config/types';
import type { FloatArray } from './float-array';
import type { BatchNormArrays, DenseKernel, GeneratorState, PoolGeometry } from './kernel';
import { Scratch, WasmArena } from './wasm-arena';
import { KernelContext, residentAt } from './wasm-context';
import {
  avgPoolBackwardPass,
  avgPoolForwardPass,
  col2imPass,
  convOutputGradPass,
  convOutputPass,
  im2colPass,
  maxPoolBackwardPass,
  maxPoolForwardPass,
} from './wasm-conv-passes';
import {
  activationBackwardPass,
  activationPass,
  batchNormBackwardPass,
  batchNormForwardPass,
  dropoutBackwardPass,
  dropoutForwardPass,
  firstRunawayPass,
} from './wasm-layer-passes';
import { instantiateKernel, KernelExports, kernelModule, preferredBuild, WasmBuild, WasmModule } from './wasm-module';
import type { OptimizerRule } from './optimizer-rules';
import * as optimizerSteps from './wasm-optimizer-steps';

/**
 * Runs `C += Â·B` (gemm64 or gemm32) for output rows [0, n); a threaded implementation may hand
 * part of the rows to a helper thread. `fn` 0 = gemm64, 1 = gemm32, 2 = gemm32to (C = Â·B).
 */
export type GemmRunner = (fn: 0 | 1 | 2, a: number, ars: number, aqs: number, b: number, c: number, n: number, k: number, m: number) => void;

/** Options of `WasmKernel`. */
export interface WasmKernelOptions {
  precision?: Precision;
  /** Initial memory in 64 KiB pages (grows on demand). */
  initialPages?: number;
  /** Dropout and batch normalisation run here on batches of at least this many values (n·features); default `LAYER_THRESHOLD`. */
  layerThreshold?: number;
  /** The module build to run (see `WasmBuild`); default `preferredBuild()`: relaxed SIMD where the engine has it. */
  build?: WasmBuild;
}

/**
 * Batches (n·features values) from which dropout and batch normalisation run in WebAssembly
 * rather than TypeScript. Below it the call costs about what it saves: measured per forward +
 * backward pair (Node 20, arrays in the kernel's memory), TypeScript and WebAssembly are about
 * even at 8–16 values and WebAssembly is 2–3× faster at 64 (5–8× at 128×256; bench/RESULTS.md,
 * "Fashion-MNIST, regularized").
 */
export const LAYER_THRESHOLD = 64;

/** A dense kernel running WebAssembly SIMD code over its own shared memory. */
export class WasmKernel implements DenseKernel {
  readonly name: string;
  readonly precision: Precision;
  /** The kernel's memory and allocator (layers' arrays live here). */
  readonly arena: WasmArena;
  /** The module's functions over `arena.memory`. */
  readonly fns: KernelExports;
  /** Which build of the module runs (named in `name` by a `-relaxed` suffix). */
  readonly build: WasmBuild;
  /** The compiled module (a helper thread instantiates the same one). */
  readonly module: WasmModule;
  /** How gemm calls run; replaced by a two-thread runner when a helper is attached. */
  protected runGemm: GemmRunner;
  /** Smallest batch (n·features values) that dropout and batch normalisation hand to WebAssembly. */
  readonly layerThreshold: number;
  /** What the passes share (memory, functions, their scratch). */
  private readonly ctx: KernelContext;

  // Scratch regions of the products: copies of foreign operands (float64 or float32), transposed B, results for foreign C.
  private readonly sA: Scratch = { at: 0, bytes: 0 };
  private readonly sB: Scratch = { at: 0, bytes: 0 };
  private readonly sC: Scratch = { at: 0, bytes: 0 };
  private readonly sBias: Scratch = { at: 0, bytes: 0 };
  private readonly sT: Scratch = { at: 0, bytes: 0 };

  /**
   * Throws when WebAssembly SIMD (relaxed SIMD for that build) or shared memory is unavailable
   * (see `createWasmKernel`). `threads` only names it: e.g. `wasm64`, `wasm32x2`, `wasm32-relaxed`.
   */
  constructor(options: WasmKernelOptions = {}, threads = 1) {
    this.build = options.build ?? preferredBuild();
    const module = kernelModule(this.build);
    if (!module) throw new Error(`WebAssembly ${this.build === 'simd' ? 'SIMD' : 'relaxed SIMD'} is not available here`);
    this.module = module;
    this.precision = options.precision ?? 'float64';
    const suffix = this.build === 'relaxed-simd' ? '-relaxed' : '';
    this.name = `${this.precision === 'float64' ? 'wasm64' : 'wasm32'}${threads > 1 ? `x${threads}` : ''}${suffix}`;
    this.layerThreshold = options.layerThreshold ?? LAYER_THRESHOLD;
    this.arena = new WasmArena(options.initialPages);
    this.fns = instantiateKernel(module, this.arena.memory);
    const fns = this.fns;
    this.runGemm = (fn, a, ars, aqs, b, c, n, k, m) => (fn === 0 ? fns.gemm64 : fn === 1 ? fns.gemm32 : fns.gemm32to)(a, ars, aqs, b, c, n, k, m);
    const scratch = (): Scratch => ({ at: 0, bytes: 0 });
    this.ctx = { arena: this.arena, fns, layerThreshold: this.layerThreshold, input: scratch(), rng: scratch(), coef: scratch() };
  }

  /** A zeroed array inside the kernel's memory, of the kernel's precision (Float32Array for float32), read and written by the passes in place. */
  alloc(length: number): FloatArray {
    return this.precision === 'float32' ? this.arena.alloc32(length) : this.arena.alloc(length);
  }

  /** A zeroed int32 array inside the kernel's memory (index tables and arg-max indices). */
  allocIndex(length: number): Int32Array {
    return this.arena.allocIndex(length);
  }

  /** See `DenseKernel.im2col`. */
  im2col(table: Int32Array, x: FloatArray, first: number, count: number, inputs: number, cols: FloatArray): boolean {
    return im2colPass(this.ctx, table, x, first, count, inputs, cols);
  }

  /** See `DenseKernel.col2im`. */
  col2im(table: Int32Array, dCols: FloatArray, n: number, inputs: number, dx: FloatArray): boolean {
    return col2imPass(this.ctx, table, dCols, n, inputs, dx);
  }

  /** See `DenseKernel.convOutput`. */
  convOutput(zCol: FloatArray, b: FloatArray, z: FloatArray, first: number, count: number, f: number, p: number): boolean {
    return convOutputPass(this.ctx, zCol, b, z, first, count, f, p);
  }

  /** See `DenseKernel.convOutputGrad`. */
  convOutputGrad(dz: FloatArray, dzCol: FloatArray, db: FloatArray, n: number, f: number, p: number): boolean {
    return convOutputGradPass(this.ctx, dz, dzCol, db, n, f, p);
  }

  /** See `DenseKernel.maxPoolForward`. */
  maxPoolForward(g: PoolGeometry, x: FloatArray, y: FloatArray, arg: Int32Array, n: number): boolean {
    return maxPoolForwardPass(this.ctx, g, x, y, arg, n);
  }

  /** See `DenseKernel.maxPoolBackward`. */
  maxPoolBackward(arg: Int32Array, dy: FloatArray, dx: FloatArray, n: number, inputs: number, outputs: number): boolean {
    return maxPoolBackwardPass(this.ctx, arg, dy, dx, n, inputs, outputs);
  }

  /** See `DenseKernel.avgPoolForward`. */
  avgPoolForward(g: PoolGeometry, x: FloatArray, y: FloatArray, n: number): boolean {
    return avgPoolForwardPass(this.ctx, g, x, y, n);
  }

  /** See `DenseKernel.avgPoolBackward`. */
  avgPoolBackward(g: PoolGeometry, dy: FloatArray, dx: FloatArray, n: number): boolean {
    return avgPoolBackwardPass(this.ctx, g, dy, dx, n);
  }

  /** ReLU in WebAssembly; other activations: false (see `DenseKernel.activationInto`). */
  activationInto(name: string, z: FloatArray, y: FloatArray): boolean {
    return activationPass(this.ctx, name, z, y);
  }

  /** ReLU's backward in WebAssembly (see `activationInto`). */
  activationBackwardInto(name: string, z: FloatArray, dy: FloatArray, dz: FloatArray): boolean {
    return activationBackwardPass(this.ctx, name, z, dy, dz);
  }

  /** See `DenseKernel.dropoutForward`. */
  dropoutForward(rng: GeneratorState, rate: number, keepScale: number, x: FloatArray, mask: FloatArray, y: FloatArray): boolean {
    return dropoutForwardPass(this.ctx, rng, rate, keepScale, x, mask, y);
  }

  /** See `DenseKernel.dropoutBackward`. */
  dropoutBackward(mask: FloatArray, dy: FloatArray, dx: FloatArray): boolean {
    return dropoutBackwardPass(this.ctx, mask, dy, dx);
  }

  /** See `DenseKernel.batchNormForward`. */
  batchNormForward(bn: BatchNormArrays, training: boolean, x: FloatArray, xHat: FloatArray, y: FloatArray, n: number): boolean {
    return batchNormForwardPass(this.ctx, bn, training, x, xHat, y, n);
  }

  /** See `DenseKernel.batchNormBackward`. */
  batchNormBackward(bn: BatchNormArrays, training: boolean, dy: FloatArray, xHat: FloatArray, dx: FloatArray | undefined, n: number): boolean {
    return batchNormBackwardPass(this.ctx, bn, training, dy, xHat, dx, n);
  }

  /** The first value of `arrays` that is NaN or beyond ±limit (see `DenseKernel.firstRunaway`). */
  firstRunaway(arrays: readonly FloatArray[], limit: number): number | undefined {
    return firstRunawayPass(this.ctx, arrays, limit);
  }

  matmul(a: FloatArray, b: FloatArray, c: FloatArray, n: number, k: number, m: number, bias?: FloatArray): void {
    const pbias = bias === undefined ? 0 : this.in64(bias, m, this.sBias);
    if (this.precision === 'float32') {
      const pa = this.in32(a, n * k, this.sA),
        pb = this.in32(b, k * m, this.sB);
      const pc = this.outAddress(c, n * m, 32);
      // Without a bias the product writes C itself (no pass filling it with zeros first).
      if (pbias !== 0) this.fns.fillRows32(pc, pbias, n, m);
      this.runGemm(pbias !== 0 ? 1 : 2, pa, k * 4, 4, pb, pc, n, k, m);
      this.out(pc, c, n * m, 32);
      return;
    }
    const pa = this.in64(a, n * k, this.sA),
      pb = this.in64(b, k * m, this.sB);
    const pc = this.outAddress(c, n * m, 64);
    this.fns.fillRows64(pc, pbias, n, m);
    this.runGemm(0, pa, k * 8, 8, pb, pc, n, k, m);
    this.out(pc, c, n * m, 64);
  }

  matmulTransA(a: FloatArray, b: FloatArray, c: FloatArray, n: number, k: number, m: number): void {
    if (this.precision === 'float32') {
      const pa = this.in32(a, n * k, this.sA),
        pb = this.in32(b, n * m, this.sB);
      const pc = this.outAddress(c, k * m, 32);
      this.runGemm(2, pa, 4, k * 4, pb, pc, k, n, m);
      this.out(pc, c, k * m, 32);
      return;
    }
    const pa = this.in64(a, n * k, this.sA),
      pb = this.in64(b, n * m, this.sB);
    const pc = this.outAddress(c, k * m, 64);
    this.fns.fillRows64(pc, 0, k, m);
    this.runGemm(0, pa, 8, k * 8, pb, pc, k, n, m);
    this.out(pc, c, k * m, 64);
  }

  matmulTransB(a: FloatArray, b: FloatArray, c: FloatArray, n: number, m: number, k: number): void {
    if (this.precision === 'float32') {
      const pa = this.in32(a, n * m, this.sA),
        pb = this.in32(b, k * m, this.sB);
      const pt = this.arena.scratch(this.sT, k * m * 4);
      this.fns.transpose32(pb, pt, k, m);
      const pc = this.outAddress(c, n * k, 32);
      this.runGemm(2, pa, m * 4, 4, pt, pc, n, m, k);
      this.out(pc, c, n * k, 32);
      return;
    }
    const pa = this.in64(a, n * m, this.sA),
      pb = this.in64(b, k * m, this.sB);
    const pt = this.arena.scratch(this.sT, k * m * 8);
    this.fns.transpose64(pb, pt, k, m);
    const pc = this.outAddress(c, n * k, 64);
    this.fns.fillRows64(pc, 0, n, k);
    this.runGemm(0, pa, m * 8, 8, pt, pc, n, m, k);
    this.out(pc, c, n * k, 64);
  }

  /** Byte address of the first `len` values of `x` as float64 in the memory (widened or copied into `slot` unless it is a resident float64 array). */
  private in64(x: FloatArray, len: number, slot: Scratch): number {
    const at = residentAt(this.ctx, x, 64);
    if (at >= 0) return at;
    const p = this.arena.scratch(slot, len * 8);
    this.arena.f64.set(len === x.length ? x : x.subarray(0, len), p / 8);
    return p;
  }

  /** Byte address of the first `len` values of `x` as float32: in place for a resident float32 array, else rounded into `slot`. */
  private in32(x: FloatArray, len: number, slot: Scratch): number {
    const at32 = residentAt(this.ctx, x, 32);
    if (at32 >= 0) return at32;
    const p = this.arena.scratch(slot, len * 4);
    const at64 = residentAt(this.ctx, x, 64);
    if (at64 >= 0) this.fns.demote(at64, p, len);
    else this.arena.f32.set(len === x.length ? x : x.subarray(0, len), p / 4);
    return p;
  }

  /** Where a result of `width` for `c` is written: in place when `c` is a resident array of that width, else scratch. */
  private outAddress(c: FloatArray, len: number, width: 64 | 32): number {
    const at = residentAt(this.ctx, c, width);
    return at >= 0 ? at : this.arena.scratch(this.sC, (len * width) / 8);
  }

  /** Copies a result of `width` at `p` into `c` unless it was written there in place (widening float32 into a float64 `c`). */
  private out(p: number, c: FloatArray, len: number, width: 64 | 32): void {
    if (residentAt(this.ctx, c, width) >= 0) return;
    const at64 = width === 32 ? residentAt(this.ctx, c, 64) : -1;
    if (at64 >= 0) this.fns.promote(p, at64, len);
    else c.set(width === 64 ? this.arena.f64.subarray(p / 8, p / 8 + len) : this.arena.f32.subarray(p / 4, p / 4 + len));
  }

  /** Optimizer state inside the kernel's memory, of `like`'s element type (wasm-optimizer-steps.ts). */
  allocLike(like: FloatArray, length: number): FloatArray {
    return optimizerSteps.allocLike(this.arena, like, length);
  }

  /** SGD, momentum and the Adam family's step in WebAssembly (wasm-optimizer-steps.ts). */
  optimizerStep(rule: OptimizerRule, p: FloatArray, g: FloatArray, state: readonly FloatArray[], scalars: readonly number[]): boolean {
    return optimizerSteps.optimizerStep(this.arena, this.fns, rule, p, g, state, scalars);
  }
}

/** A WebAssembly kernel of the given precision (and build), or undefined where that build cannot run. */
export function createWasmKernel(options: WasmKernelOptions = {}): WasmKernel | undefined {
  try {
    return new WasmKernel(options);
  } catch {
    return undefined;
  }
}
