/**
 * The compiled WebAssembly SIMD kernel module: decoded from the bytes embedded at build time
 * (`generated/wasm-bytes.ts`, written by scripts/build.mjs from `wasm/*.ts` with AssemblyScript),
 * compiled once and shared by every kernel instance. Uses only the `WebAssembly` global.
 */
import { KERNELS_WASM_BASE64 } from './generated/wasm-bytes';

/** Pages (64 KiB) the kernel memory may grow to: 1 GiB. Must match `--maximumMemory` in the build. */
export const MAX_PAGES = 16384;

/** The functions the module exports; every pointer is a byte address in the shared memory. */
export interface KernelExports {
  gemm64(a: number, ars: number, aqs: number, b: number, c: number, n: number, k: number, m: number): void;
  fillRows64(c: number, bias: number, n: number, m: number): void;
  transpose64(src: number, dst: number, rows: number, cols: number): void;
  gemm32(a: number, ars: number, aqs: number, b: number, c: number, n: number, k: number, m: number): void;
  fillRows32(c: number, bias: number, n: number, m: number): void;
  transpose32(src: number, dst: number, rows: number, cols: number): void;
  demote(src: number, dst: number, len: number): void;
  promote(src: number, dst: number, len: number): void;
  firstNonFinite64(a: number, len: number): number;
  reluForward64(x: number, y: number, len: number): void;
  reluBackward64(x: number, dy: number, dx: number, len: number): void;
  dropoutForward64(state: number, x: number, mask: number, y: number, len: number, rate: number, keep: number): void;
  dropoutBackward64(mask: number, dy: number, dx: number, len: number): void;
  batchNormForward64(
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
  ): void;
  batchNormBackward64(
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

let compiled: WasmModule | null | undefined;

/** Base64 → bytes without Node's Buffer (atob exists in browsers, workers and Node ≥ 16). */
function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * The compiled module, or null where WebAssembly SIMD or shared memory is unavailable
 * (old engines, pages without cross-origin isolation, sync compilation refused).
 */
export function kernelModule(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  let result: WasmModule | null = null;
  try {
    const api = wasmApi();
    if (api && typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object') {
      const bytes = decodeBase64(KERNELS_WASM_BASE64);
      if (api.validate(bytes)) result = new api.Module(bytes);
    }
  } catch {
    result = null;
  }
  compiled = result;
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

/** True when the WebAssembly SIMD kernel can run here. */
export function wasmKernelAvailable(): boolean {
  return kernelModule() !== null;
}
