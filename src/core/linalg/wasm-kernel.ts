/**
 * The WebAssembly SIMD dense kernel (see wasm/gemm64.ts and wasm/gemm32.ts for the loops).
 *
 * Layers built with this kernel allocate their weights, gradients and batch buffers with
 * `alloc`, i.e. inside the kernel's shared WebAssembly memory, so the products read and write
 * them in place. Arrays from elsewhere (a caller's own Float64Array) still work: they are copied
 * into reused scratch regions and results copied back. Nothing is allocated per call once the
 * scratch regions have reached their size.
 *
 * Precision `float64` computes in f64x2. Precision `float32` keeps every array float64 (weights,
 * activations, optimizer state) and runs only the three products in float32: operands are
 * rounded to float32 (in WebAssembly, into scratch), multiplied in f32x4 with float32
 * accumulation, and the result widened back to float64. The relaxed-SIMD build (wasm-module.ts)
 * fuses those float32 multiply–adds; its float64 numbers are the plain build's.
 *
 * The products themselves are all one routine, C += Â·B with Â read through strides:
 *   matmul:       C[n×m] = bias + A[n×k]·B[k×m]       Â = A  (row stride k, step 1)
 *   matmulTransA: C[k×m] = Aᵀ·B, A[n×k], B[n×m]      Â = Aᵀ (row stride 1, step k)
 *   matmulTransB: C[n×k] = A·Bᵀ, A[n×m], B[k×m]      B transposed into scratch first.
 * Besides the products, ReLU (forward and backward), the divergence check, and (on batches of at
 * least `layerThreshold` values) dropout and batch normalisation run in WebAssembly too, on arrays
 * in the kernel's memory, with the same numbers as TypeScript bit for bit. So do the passes of
 * convolution and max pooling around the products (im2col, col2im, the bias and layout change of
 * the convolution's output and its gradient, max pooling forward and backward), on any batch whose
 * arrays all live here.
 */
import type { Precision } from '../config/types';
import type { BatchNormArrays, DenseKernel, GeneratorState, PoolGeometry } from './kernel';
import { Scratch, WasmArena } from './wasm-arena';
import { instantiateKernel, KernelExports, kernelModule, preferredBuild, WasmBuild, WasmModule } from './wasm-module';
import type { FloatArray } from './float-array';
import type { OptimizerRule } from './optimizer-rules';
import * as optimizerSteps from './wasm-optimizer-steps';

/**
 * Runs `C += Â·B` (gemm64 or gemm32) for output rows [0, n); a threaded implementation may hand
 * part of the rows to a helper thread. `fn` 0 = gemm64, 1 = gemm32.
 */
export type GemmRunner = (fn: 0 | 1, a: number, ars: number, aqs: number, b: number, c: number, n: number, k: number, m: number) => void;

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

  // Scratch regions: float64 copies of foreign operands, a transposed B, and float32 mirrors.
  private readonly sA: Scratch = { at: 0, bytes: 0 };
  private readonly sB: Scratch = { at: 0, bytes: 0 };
  private readonly sC: Scratch = { at: 0, bytes: 0 };
  private readonly sBias: Scratch = { at: 0, bytes: 0 };
  private readonly sT: Scratch = { at: 0, bytes: 0 };
  private readonly sA32: Scratch = { at: 0, bytes: 0 };
  private readonly sB32: Scratch = { at: 0, bytes: 0 };
  private readonly sC32: Scratch = { at: 0, bytes: 0 };
  private readonly sT32: Scratch = { at: 0, bytes: 0 };
  // The generator's four state words during a dropout pass; batch normalisation's per-feature coefficients.
  private readonly sRng: Scratch = { at: 0, bytes: 0 };
  private readonly sCoef: Scratch = { at: 0, bytes: 0 };
  /**
   * Float32 mode: float32 copies that im2col and convOutputGrad wrote instead of their float64 array
   * (which they leave as it was), keyed by that array's byte address; `len` values are valid. The
   * products read them in place of demoting the array. A copy stays valid until the next call on
   * its array (a declined call marks it stale) or until a product writes that array; a stale copy keeps
   * its region for the next pass, so nothing is allocated per batch.
   */
  private readonly mirrors = new Map<number, Scratch & { len: number }>();

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
    this.runGemm = (fn, a, ars, aqs, b, c, n, k, m) => (fn === 0 ? fns.gemm64(a, ars, aqs, b, c, n, k, m) : fns.gemm32(a, ars, aqs, b, c, n, k, m));
  }

  /** A zeroed array inside the kernel's memory, read and written by the products without copies. */
  alloc(length: number): Float64Array {
    return this.arena.alloc(length);
  }

  /** A zeroed int32 array inside the kernel's memory (index tables and arg-max indices). */
  allocIndex(length: number): Int32Array {
    return this.arena.allocIndex(length);
  }

  /** im2col in WebAssembly when every array lives in the kernel's memory (see `DenseKernel.im2col`). */
  im2col(table: Int32Array, x: Float64Array, first: number, count: number, inputs: number, cols: Float64Array): boolean {
    const per = table.length;
    if (x.length < (first + count) * inputs || cols.length < count * per) return this.drop(this.arena.addressOf(cols));
    const pt = this.arena.addressOf(table),
      pc = this.arena.addressOf(cols);
    if (pt < 0 || pc < 0) return this.drop(pc);
    // A foreign input (e.g. the trainer's batch of images) is copied in first: count·inputs values, a ninth of X_col for a 3×3 window.
    let px = this.arena.addressOf(x);
    if (px >= 0) px += first * inputs * 8;
    else {
      px = this.arena.scratch(this.sA, count * inputs * 8);
      this.arena.f64.set(x.subarray(first * inputs, (first + count) * inputs), px / 8);
    }
    if (this.precision === 'float32') this.fns.im2col32(px, pt, per, this.mirror(pc, count * per), count, inputs);
    else this.fns.im2col64(px, pt, per, pc, count, inputs);
    return true;
  }

  /** col2im in WebAssembly (see `DenseKernel.col2im`). */
  col2im(table: Int32Array, dCols: Float64Array, n: number, inputs: number, dx: Float64Array): boolean {
    const per = table.length;
    if (dCols.length < n * per || dx.length < n * inputs) return false;
    const pt = this.arena.addressOf(table),
      pd = this.arena.addressOf(dCols),
      px = this.arena.addressOf(dx);
    if (pt < 0 || pd < 0 || px < 0) return false;
    this.fns.col2im64(pd, pt, per, px, n, inputs);
    return true;
  }

  /** The convolution's bias and layout pass in WebAssembly (see `DenseKernel.convOutput`). */
  convOutput(zCol: Float64Array, b: Float64Array, z: Float64Array, first: number, count: number, f: number, p: number): boolean {
    if (zCol.length < count * p * f || b.length < f || z.length < (first + count) * f * p) return false;
    const pzc = this.arena.addressOf(zCol),
      pb = this.arena.addressOf(b),
      pz = this.arena.addressOf(z);
    if (pzc < 0 || pb < 0 || pz < 0) return false;
    this.fns.convOutput64(pzc, pb, pz, first, count, f, p);
    return true;
  }

  /** Its backward in WebAssembly (see `DenseKernel.convOutputGrad`). */
  convOutputGrad(dz: Float64Array, dzCol: Float64Array, db: Float64Array, n: number, f: number, p: number): boolean {
    const pdz = this.arena.addressOf(dz),
      pdc = this.arena.addressOf(dzCol),
      pdb = this.arena.addressOf(db);
    if (dz.length < n * f * p || dzCol.length < n * p * f || db.length !== f || pdz < 0 || pdc < 0 || pdb < 0) return this.drop(pdc);
    if (this.precision === 'float32') this.fns.convOutputGrad32(pdz, this.mirror(pdc, n * p * f), pdb, n, f, p);
    else this.fns.convOutputGrad64(pdz, pdc, pdb, n, f, p);
    return true;
  }

  /** Max pooling's forward in WebAssembly (see `DenseKernel.maxPoolForward`). */
  maxPoolForward(g: PoolGeometry, x: Float64Array, y: Float64Array, arg: Int32Array, n: number): boolean {
    const outputs = n * g.c * g.oh * g.ow;
    if (x.length < n * g.c * g.h * g.w || y.length < outputs || arg.length < outputs) return false;
    const px = this.arena.addressOf(x),
      py = this.arena.addressOf(y),
      pa = this.arena.addressOf(arg);
    if (px < 0 || py < 0 || pa < 0) return false;
    this.fns.maxPoolForward64(px, py, pa, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
    return true;
  }

  /** Max pooling's backward in WebAssembly (see `DenseKernel.maxPoolBackward`). */
  maxPoolBackward(arg: Int32Array, dy: Float64Array, dx: Float64Array, n: number, inputs: number, outputs: number): boolean {
    if (arg.length < n * outputs || dy.length < n * outputs || dx.length < n * inputs) return false;
    const pa = this.arena.addressOf(arg),
      pdy = this.arena.addressOf(dy),
      pdx = this.arena.addressOf(dx);
    if (pa < 0 || pdy < 0 || pdx < 0) return false;
    this.fns.maxPoolBackward64(pa, pdy, pdx, n, inputs, outputs);
    return true;
  }

  /** ReLU in WebAssembly for arrays in the kernel's memory (the products' neighbours); other activations: false. */
  activationInto(name: string, z: Float64Array, y: Float64Array): boolean {
    if (name !== 'ReLU' || z.length !== y.length) return false;
    const pz = this.arena.addressOf(z),
      py = this.arena.addressOf(y);
    if (pz < 0 || py < 0) return false;
    this.fns.reluForward64(pz, py, z.length);
    return true;
  }

  /** ReLU's backward in WebAssembly (see `activationInto`). */
  activationBackwardInto(name: string, z: Float64Array, dy: Float64Array, dz: Float64Array): boolean {
    if (name !== 'ReLU' || z.length !== dy.length || z.length !== dz.length) return false;
    const pz = this.arena.addressOf(z),
      pdy = this.arena.addressOf(dy),
      pdz = this.arena.addressOf(dz);
    if (pz < 0 || pdy < 0 || pdz < 0) return false;
    this.fns.reluBackward64(pz, pdy, pdz, z.length);
    return true;
  }

  /** Dropout's training forward in WebAssembly for large batches in the kernel's memory (see `DenseKernel.dropoutForward`). */
  dropoutForward(rng: GeneratorState, rate: number, keepScale: number, x: Float64Array, mask: Float64Array, y: Float64Array): boolean {
    const len = mask.length;
    if (len < this.layerThreshold || x.length < len || y.length !== len) return false;
    const px = this.arena.addressOf(x),
      pm = this.arena.addressOf(mask),
      py = this.arena.addressOf(y);
    if (px < 0 || pm < 0 || py < 0) return false;
    const ps = this.arena.scratch(this.sRng, 16);
    rng.saveState(this.arena.i32, ps >> 2);
    this.fns.dropoutForward64(ps, px, pm, py, len, rate, keepScale);
    rng.loadState(this.arena.i32, ps >> 2);
    return true;
  }

  /** Dropout's backward dx = dy ⊙ mask in WebAssembly (see `dropoutForward`). */
  dropoutBackward(mask: Float64Array, dy: Float64Array, dx: Float64Array): boolean {
    const len = mask.length;
    if (len < this.layerThreshold || dy.length !== len || dx.length !== len) return false;
    const pm = this.arena.addressOf(mask),
      pdy = this.arena.addressOf(dy),
      pdx = this.arena.addressOf(dx);
    if (pm < 0 || pdy < 0 || pdx < 0) return false;
    this.fns.dropoutBackward64(pm, pdy, pdx, len);
    return true;
  }

  /** Batch normalisation's forward in WebAssembly for large batches in the kernel's memory (see `DenseKernel.batchNormForward`). */
  batchNormForward(bn: BatchNormArrays, training: boolean, x: Float64Array, xHat: Float64Array, y: Float64Array, n: number): boolean {
    const f = bn.features,
      len = n * f;
    if (len < this.layerThreshold) return false;
    const px = this.resident(x, len),
      pxh = this.resident(xHat, len),
      py = this.resident(y, len);
    const pg = this.resident(bn.gamma, f),
      pb = this.resident(bn.beta, f),
      pm = this.resident(bn.mean, f),
      ps = this.resident(bn.invStd, f),
      prm = this.resident(bn.runningMean, f),
      prv = this.resident(bn.runningVar, f);
    if (Math.min(px, pxh, py, pg, pb, pm, ps, prm, prv) < 0) return false;
    this.fns.batchNormForward64(px, pxh, py, n, f, pg, pb, pm, ps, prm, prv, bn.momentum, bn.epsilon, training ? 1 : 0);
    return true;
  }

  /** Batch normalisation's backward in WebAssembly (see `batchNormForward`). */
  batchNormBackward(bn: BatchNormArrays, training: boolean, dy: Float64Array, xHat: Float64Array, dx: Float64Array | undefined, n: number): boolean {
    const f = bn.features,
      len = n * f;
    if (len < this.layerThreshold) return false;
    const pdy = this.resident(dy, len),
      pxh = this.resident(xHat, len),
      pdx = dx === undefined ? 0 : this.resident(dx, len);
    const pg = this.resident(bn.gamma, f),
      ps = this.resident(bn.invStd, f),
      pdg = this.resident(bn.dGamma, f),
      pdb = this.resident(bn.dBeta, f);
    if (Math.min(pdy, pxh, pdx, pg, ps, pdg, pdb) < 0) return false;
    const pc = this.arena.scratch(this.sCoef, f * 8);
    this.fns.batchNormBackward64(pdy, pxh, pdx, pc, n, f, pg, ps, pdg, pdb, training ? 1 : 0);
    return true;
  }

  /** The first non-finite value of `arrays`: SIMD over arrays in the kernel's memory, a plain scan otherwise. */
  firstNonFinite(arrays: readonly Float64Array[]): number | undefined {
    for (const a of arrays) {
      const at = this.arena.addressOf(a);
      if (at >= 0) {
        const i = this.fns.firstNonFinite64(at, a.length);
        if (i >= 0) return a[i];
      } else {
        for (let i = 0; i < a.length; i++) if (a[i] - a[i] !== 0) return a[i];
      }
    }
    return undefined;
  }

  matmul(a: Float64Array, b: Float64Array, c: Float64Array, n: number, k: number, m: number, bias?: Float64Array): void {
    if (this.precision === 'float32') {
      const pa = this.in32(a, n * k, this.sA32),
        pb = this.in32(b, k * m, this.sB32);
      const pbias = bias === undefined ? 0 : this.in64(bias, m, this.sBias);
      const pc = this.arena.scratch(this.sC32, n * m * 4);
      this.fns.fillRows32(pc, pbias, n, m);
      this.runGemm(1, pa, k * 4, 4, pb, pc, n, k, m);
      this.out32(pc, c, n * m);
      return;
    }
    const pa = this.in64(a, n * k, this.sA),
      pb = this.in64(b, k * m, this.sB);
    const pbias = bias === undefined ? 0 : this.in64(bias, m, this.sBias);
    const pc = this.outAddress(c, n * m);
    this.fns.fillRows64(pc, pbias, n, m);
    this.runGemm(0, pa, k * 8, 8, pb, pc, n, k, m);
    this.out64(pc, c, n * m);
  }

  matmulTransA(a: Float64Array, b: Float64Array, c: Float64Array, n: number, k: number, m: number): void {
    if (this.precision === 'float32') {
      const pa = this.in32(a, n * k, this.sA32),
        pb = this.in32(b, n * m, this.sB32);
      const pc = this.arena.scratch(this.sC32, k * m * 4);
      this.fns.fillRows32(pc, 0, k, m);
      this.runGemm(1, pa, 4, k * 4, pb, pc, k, n, m);
      this.out32(pc, c, k * m);
      return;
    }
    const pa = this.in64(a, n * k, this.sA),
      pb = this.in64(b, n * m, this.sB);
    const pc = this.outAddress(c, k * m);
    this.fns.fillRows64(pc, 0, k, m);
    this.runGemm(0, pa, 8, k * 8, pb, pc, k, n, m);
    this.out64(pc, c, k * m);
  }

  matmulTransB(a: Float64Array, b: Float64Array, c: Float64Array, n: number, m: number, k: number): void {
    if (this.precision === 'float32') {
      const pa = this.in32(a, n * m, this.sA32),
        pb = this.in32(b, k * m, this.sB32);
      const pt = this.arena.scratch(this.sT32, k * m * 4);
      this.fns.transpose32(pb, pt, k, m);
      const pc = this.arena.scratch(this.sC32, n * k * 4);
      this.fns.fillRows32(pc, 0, n, k);
      this.runGemm(1, pa, m * 4, 4, pt, pc, n, m, k);
      this.out32(pc, c, n * k);
      return;
    }
    const pa = this.in64(a, n * m, this.sA),
      pb = this.in64(b, k * m, this.sB);
    const pt = this.arena.scratch(this.sT, k * m * 8);
    this.fns.transpose64(pb, pt, k, m);
    const pc = this.outAddress(c, n * k);
    this.fns.fillRows64(pc, 0, n, k);
    this.runGemm(0, pa, m * 8, 8, pt, pc, n, m, k);
    this.out64(pc, c, n * k);
  }

  /** Byte address of a float32 copy of `len` values standing for the float64 array at `at` (see `mirrors`). */
  private mirror(at: number, len: number): number {
    let copy = this.mirrors.get(at);
    if (!copy) this.mirrors.set(at, (copy = { at: 0, bytes: 0, len: 0 }));
    copy.len = len;
    return this.arena.scratch(copy, len * 4);
  }

  /** Declines a pass: drops the float32 copy of the array at `at` (the layer writes the array itself); false. */
  private drop(at: number): false {
    this.invalidate(at);
    return false;
  }

  /** Marks the float32 copy of the array at `at` stale, keeping its region for the next pass (no growth per batch). */
  private invalidate(at: number): void {
    const copy = this.mirrors.get(at);
    if (copy) copy.len = 0;
  }

  /** Byte address of `a` when it lives in this memory and has `len` values, else -1. */
  private resident(a: Float64Array, len: number): number {
    return a.length === len ? this.arena.addressOf(a) : -1;
  }

  /** Byte address of the first `len` values of `x` as float64 in the memory (copied into `slot` if foreign). */
  private in64(x: Float64Array, len: number, slot: Scratch): number {
    const at = this.arena.addressOf(x);
    if (at >= 0) return at;
    const p = this.arena.scratch(slot, len * 8);
    this.arena.f64.set(len === x.length ? x : x.subarray(0, len), p / 8);
    return p;
  }

  /** Byte address of the first `len` values of `x` rounded to float32, in `slot`. */
  private in32(x: Float64Array, len: number, slot: Scratch): number {
    const at = this.arena.addressOf(x);
    const copy = at >= 0 ? this.mirrors.get(at) : undefined;
    if (copy && copy.len > 0 && copy.len >= len) return copy.at;
    const p = this.arena.scratch(slot, len * 4);
    if (at >= 0) this.fns.demote(at, p, len);
    else this.arena.f32.set(len === x.length ? x : x.subarray(0, len), p / 4);
    return p;
  }

  /** Where a float64 result for `c` is written: in place when `c` is ours, else scratch. */
  private outAddress(c: Float64Array, len: number): number {
    const at = this.arena.addressOf(c);
    return at >= 0 ? at : this.arena.scratch(this.sC, len * 8);
  }

  /** Copies a float64 result at `p` into a foreign `c` (nothing to do when written in place). */
  private out64(p: number, c: Float64Array, len: number): void {
    if (this.arena.addressOf(c) >= 0) return;
    c.set(this.arena.f64.subarray(p / 8, p / 8 + len));
  }

  /** Widens a float32 result at `p` into `c`. */
  private out32(p: number, c: Float64Array, len: number): void {
    const at = this.arena.addressOf(c);
    this.invalidate(at);
    if (at >= 0) this.fns.promote(p, at, len);
    else c.set(this.arena.f32.subarray(p / 4, p / 4 + len));
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
