/**
 * The compiled WebAssembly SIMD kernel modules: decoded from the bytes embedded at build time
 * (`generated/wasm-bytes.ts`, written by scripts/build.mjs from `wasm/*.ts` with AssemblyScript),
 * compiled once each and shared by every kernel instance. Uses only the `WebAssembly` global.
 *
 * There are two builds of the same sources (see `WasmBuild`). Where the engine validates the
 * relaxed-SIMD build (Node ≥ 22, current Chromium and Electron) it is preferred; elsewhere (Node 20)
 * the plain SIMD build runs. The environment variable NN_LAB_WASM=simd, where the host has one,
 * forces the plain build (to compare the two in tests and benchmarks).
 */
import { KERNELS_RELAXED_WASM_BASE64, KERNELS_WASM_BASE64 } from './generated/wasm-bytes';

/**
 * A build of the kernel module. `simd`: WebAssembly SIMD. `relaxed-simd`: the same code plus
 * relaxed SIMD, whose float32 products fuse each multiply–add (f32x4.relaxed_madd: one rounding
 * where the CPU has FMA). Its float64 code is the plain build's, bit for bit: float64 is the
 * precision whose numbers are reproducible everywhere (the examples' loss histories, the PyTorch
 * export's equivalence, the same run in the CLI on Node 20 and in VS Code on Node 24), while
 * float32 is the approximate speed mode, where a change of a few units in the last place is
 * within what the precision promises. Over a whole float32 run those units grow: the regularized
 * Fashion-MNIST example stops early at epoch 14 instead of 11 with the relaxed build (bench/RESULTS.md,
 * "Relaxed SIMD"); `NN_LAB_WASM=simd` gives Node 20's numbers on any engine.
 */
export type WasmBuild = 'simd' | 'relaxed-simd';

/** Pages (64 KiB) the kernel memory may grow to: 1 GiB. Must match `--maximumMemory` in the build. */
export const MAX_PAGES = 16384;

/** A max-pooling forward routine: x, y and the arg-max indices, n samples, then the window geometry. */
type MaxPoolForward = (
  x: number,
  y: number,
  arg: number,
  n: number,
  c: number,
  h: number,
  w: number,
  oh: number,
  ow: number,
  kh: number,
  kw: number,
  sh: number,
  sw: number,
) => void;

/** A pooling pass from one array into another (average pooling's forward x → y and backward dy → dx), n samples, then the window geometry. */
type WindowPass = (
  from: number,
  to: number,
  n: number,
  c: number,
  h: number,
  w: number,
  oh: number,
  ow: number,
  kh: number,
  kw: number,
  sh: number,
  sw: number,
) => void;

/** Batch normalisation's forward (wasm/batch-norm.ts): the batch, its x̂ and y, then the layer's per-feature arrays. */
type BatchNormForward = (
  x: number,
  xh: number,
  y: number,
  n: number,
  f: number,
  gamma: number,
  beta: number,
  mean: number,
  invStd: number,
  runMean: number,
  runVar: number,
  momentum: number,
  epsilon: number,
  training: number,
) => void;

/** Its backward; `coef` is f doubles (f·8 bytes) of scratch in either precision. */
type BatchNormBackward = (
  dy: number,
  xh: number,
  dx: number,
  coef: number,
  n: number,
  f: number,
  gamma: number,
  invStd: number,
  dGamma: number,
  dBeta: number,
  training: number,
) => void;

/** The functions the module exports; every pointer is a byte address in the shared memory. */
export interface KernelExports {
  gemm64(a: number, ars: number, aqs: number, b: number, c: number, n: number, k: number, m: number): void;
  fillRows64(c: number, bias: number, n: number, m: number): void;
  transpose64(src: number, dst: number, rows: number, cols: number): void;
  gemm32(a: number, ars: number, aqs: number, b: number, c: number, n: number, k: number, m: number): void;
  /** C = Â·B (C only written): gemm32's numbers on C filled with +0. */
  gemm32to(a: number, ars: number, aqs: number, b: number, c: number, n: number, k: number, m: number): void;
  fillRows32(c: number, bias: number, n: number, m: number): void;
  transpose32(src: number, dst: number, rows: number, cols: number): void;
  demote(src: number, dst: number, len: number): void;
  promote(src: number, dst: number, len: number): void;
  firstRunaway64(a: number, len: number, limit: number): number;
  reluForward64(x: number, y: number, len: number): void;
  reluBackward64(x: number, dy: number, dx: number, len: number): void;
  dropoutForward64(state: number, x: number, mask: number, y: number, len: number, rate: number, keep: number): void;
  dropoutBackward64(mask: number, dy: number, dx: number, len: number): void;
  im2col64(x: number, table: number, per: number, cols: number, count: number, inputs: number): void;
  im2col32(x: number, table: number, per: number, cols32: number, count: number, inputs: number): void;
  col2im64(dCols: number, table: number, per: number, dx: number, n: number, inputs: number): void;
  convOutput64(zCol: number, b: number, z: number, first: number, count: number, f: number, p: number): void;
  convOutputGrad64(dz: number, dzCol: number, db: number, n: number, f: number, p: number): void;
  maxPoolForward64: MaxPoolForward;
  maxPoolBackward64(arg: number, dy: number, dx: number, n: number, inputs: number, outputs: number): void;
  // Float32 data arrays (a float32 model's): the numbers of the layers' TypeScript loops on Float32Array, bit for bit.
  firstRunaway32(a: number, len: number, limit: number): number;
  reluForward32(x: number, y: number, len: number): void;
  reluBackward32(x: number, dy: number, dx: number, len: number): void;
  dropoutForward32(state: number, x: number, mask: number, y: number, len: number, rate: number, keep: number): void;
  dropoutBackward32(mask: number, dy: number, dx: number, len: number): void;
  im2colF32(x32: number, table: number, per: number, cols32: number, count: number, inputs: number): void;
  col2im32(dCols: number, table: number, per: number, dx: number, n: number, inputs: number): void;
  /** im2colF32 from the table's runs (see ./table-runs.ts): the same values. */
  im2colRuns32(x32: number, code: number, copies: number, pads: number, per: number, cols32: number, count: number, inputs: number): void;
  /** col2im32 from the table's runs: the same numbers. */
  col2imRuns32(dCols: number, code: number, runs: number, per: number, dx: number, n: number, inputs: number): void;
  convOutput32(zCol: number, b: number, z: number, first: number, count: number, f: number, p: number): void;
  convOutputGrad32f(dz: number, dzCol: number, db: number, n: number, f: number, p: number): void;
  maxPoolForward32: MaxPoolForward;
  maxPoolBackward32(arg: number, dy: number, dx: number, n: number, inputs: number, outputs: number): void;
  /** Average pooling (no padding) over x[n×c×h×w] into y[n×c×oh×ow], float64 or float32 arrays. */
  avgPoolForward64: WindowPass;
  avgPoolForward32: WindowPass;
  /** Its backward: dx[n×c×h×w] zeroed, then dy[o]/(kh·kw) added over each window in order. */
  avgPoolBackward64: WindowPass;
  avgPoolBackward32: WindowPass;
  /** batchNormForward64 over float32 arrays (every array of a float32 model's layer; momentum and epsilon as doubles). */
  batchNormForward32: BatchNormForward;
  /** batchNormBackward64 over float32 arrays; `coef` is f doubles (f·8 bytes) of scratch, as for the float64 pass. */
  batchNormBackward32: BatchNormBackward;
  batchNormForward64: BatchNormForward;
  batchNormBackward64: BatchNormBackward;
  // Optimizer steps (wasm/optimizer-steps.ts); `f32` 1: every array float32, 0: float64.
  sgdStep(f32: number, p: number, g: number, len: number, eta: number): void;
  msgdStep(f32: number, p: number, g: number, b: number, len: number, mu: number, lr: number): void;
  nagStep(f32: number, p: number, g: number, b: number, len: number, mu: number, lr: number): void;
  adamStep(f32: number, p: number, g: number, m: number, v: number, len: number, beta1: number, beta2: number, alphaT: number, eps: number): void;
  amsgradStep(
    f32: number,
    p: number,
    g: number,
    m: number,
    v: number,
    vMax: number,
    len: number,
    beta1: number,
    beta2: number,
    alphaT: number,
    eps: number,
  ): void;
  adamaxStep(f32: number, p: number, g: number, m: number, u: number, len: number, beta1: number, beta2: number, alphaT: number, eps: number): void;
  nadamStep(
    f32: number,
    p: number,
    g: number,
    m: number,
    v: number,
    len: number,
    mu: number,
    nu: number,
    alpha: number,
    eps: number,
    cm: number,
    cg: number,
    cv: number,
  ): void;
  boundStep(
    f32: number,
    useMax: number,
    p: number,
    g: number,
    m: number,
    v: number,
    vMax: number,
    len: number,
    beta1: number,
    beta2: number,
    alpha: number,
    lower: number,
    upper: number,
    rootT: number,
  ): void;
}

/** A WebAssembly memory (the subset used here). */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

/** A compiled module (opaque here). */
export type WasmModule = object;

/**
 * The part of the `WebAssembly` global the kernel uses, typed locally: the core's TypeScript
 * library settings (ES2022, no DOM) do not describe it.
 */
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { readonly exports: unknown };
  validate(bytes: Uint8Array): boolean;
}

/** The engine's `WebAssembly` global, when there is one. */
export function wasmApi(): WasmApi | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return typeof api === 'object' && api !== null ? api : undefined;
}

/** Each build's module once compiled (null: not available here). */
const compiled: { [B in WasmBuild]?: WasmModule | null } = {};

/** Base64 → bytes without Node's Buffer (atob exists in browsers, workers and Node ≥ 16). */
function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The embedded bytes of a build. */
export function kernelBytes(build: WasmBuild): Uint8Array {
  return decodeBase64(build === 'simd' ? KERNELS_WASM_BASE64 : KERNELS_RELAXED_WASM_BASE64);
}

/**
 * The value of NN_LAB_WASM when the host has environment variables (Node's `process.env`), read
 * through `globalThis` so the core stays free of Node APIs; undefined elsewhere.
 */
function wasmBuildVariable(): string | undefined {
  const host = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return host.process?.env?.NN_LAB_WASM;
}

/** The build `kernelModule()` uses: relaxed SIMD where it validates and NN_LAB_WASM is not `simd`, else plain SIMD. */
export function preferredBuild(): WasmBuild {
  return wasmBuildVariable() !== 'simd' && kernelModule('relaxed-simd') !== null ? 'relaxed-simd' : 'simd';
}

/**
 * The compiled module of `build` (default: `preferredBuild()`), or null where it cannot run:
 * WebAssembly SIMD, relaxed SIMD or shared memory unavailable (old engines, pages without
 * cross-origin isolation, sync compilation refused).
 */
export function kernelModule(build: WasmBuild = preferredBuild()): WasmModule | null {
  const known = compiled[build];
  if (known !== undefined) return known;
  let result: WasmModule | null = null;
  try {
    const api = wasmApi();
    if (api && typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object') {
      const bytes = kernelBytes(build);
      if (api.validate(bytes)) result = new api.Module(bytes);
    }
  } catch {
    result = null;
  }
  compiled[build] = result;
  return result;
}

/** A shared memory of `initial` pages that may grow to `MAX_PAGES`. */
export function createSharedMemory(initial: number): WasmMemory {
  const api = wasmApi();
  if (!api) throw new Error('WebAssembly is not available here');
  return new api.Memory({ initial, maximum: MAX_PAGES, shared: true });
}

/** Instantiates the module over `memory` (synchronously; the module is small). */
export function instantiateKernel(module: WasmModule, memory: WasmMemory): KernelExports {
  const api = wasmApi();
  if (!api) throw new Error('WebAssembly is not available here');
  const instance = new api.Instance(module, { env: { memory } });
  return instance.exports as KernelExports;
}

/** True when the WebAssembly SIMD kernel (of `build`, default either) can run here. */
export function wasmKernelAvailable(build?: WasmBuild): boolean {
  return kernelModule(build) !== null;
}
