/**
 * Helpers for testing the WebAssembly kernel's float32 passes (wasm/*.ts, the `…32` exports)
 * against the layers' own TypeScript loops run on Float32Array: float32 and int32 arrays inside a
 * kernel's memory, a stand-in kernel whose arrays are Float32Array (so a layer built on it runs its
 * TypeScript loops in float32, as a float32 model will), random float32 data with special values,
 * and a bit-for-bit comparison.
 */
import { strict as assert } from 'assert';
import type { DenseKernel } from '../../src/core/linalg/kernel';
import { wasmKernelAvailable, type WasmBuild } from '../../src/core/linalg/wasm-module';
import { WasmKernel } from '../../src/core/linalg/wasm-kernel';
import type { Rng } from '../../src/core/rng';

/** The builds this engine runs (Node 20: the plain SIMD build only). */
export function availableBuilds(): WasmBuild[] {
  return (['simd', 'relaxed-simd'] as const).filter((b) => wasmKernelAvailable(b));
}

/** A float32 model's WebAssembly kernel of `build`. */
export function float32Kernel(build: WasmBuild): WasmKernel {
  return new WasmKernel({ precision: 'float32', build });
}

/** A Float32Array of `data` living in the kernel's memory, and its byte address. */
export function f32In(kernel: WasmKernel, data: ArrayLike<number> | number): { a: Float32Array; at: number } {
  const len = typeof data === 'number' ? data : data.length;
  const at = kernel.arena.reserve(len * 4);
  const a = new Float32Array(kernel.arena.memory.buffer, at, len);
  if (typeof data !== 'number') a.set(data);
  return { a, at };
}

/** An Int32Array of `data` living in the kernel's memory, and its byte address. */
export function i32In(kernel: WasmKernel, data: ArrayLike<number> | number): { a: Int32Array; at: number } {
  const len = typeof data === 'number' ? data : data.length;
  const at = kernel.arena.reserve(len * 4);
  const a = new Int32Array(kernel.arena.memory.buffer, at, len);
  if (typeof data !== 'number') a.set(data);
  return { a, at };
}

/** A Float32Array seen through the types that still say Float64Array (the layers before float32 models). */
export function asF64(a: Float32Array): Float64Array {
  return a as unknown as Float64Array;
}

/** The products a stand-in kernel's layer calls, to be recorded or answered by the test. */
export interface Products {
  matmul?: DenseKernel['matmul'];
  matmulTransA?: DenseKernel['matmulTransA'];
  matmulTransB?: DenseKernel['matmulTransB'];
}

/**
 * A kernel whose arrays are plain Float32Array and which takes over no pass, so a layer built on it
 * runs its own TypeScript loops in float32; the products do what `products` says (nothing by default).
 */
export function float32Reference(products: Products = {}): DenseKernel {
  const none = (): void => {};
  return {
    name: 'ts32-reference',
    matmul: products.matmul ?? none,
    matmulTransA: products.matmulTransA ?? none,
    matmulTransB: products.matmulTransB ?? none,
    alloc: (length) => asF64(new Float32Array(length)),
  };
}

/** Float32 special values: NaN, ±0, ±Infinity, the smallest subnormal, the largest float32. */
export const SPECIALS_32 = [NaN, 0, -0, Infinity, -Infinity, 1.401298464324817e-45, -3.4028234663852886e38];

/** n float32 values: `specials` first, then uniform in [lo, hi) rounded to float32. */
export function values32(rng: Rng, n: number, lo = -1, hi = 1, specials: readonly number[] = []): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = i < specials.length ? specials[i] : lo + (hi - lo) * rng.uniform();
  return a;
}

/** Asserts a (WebAssembly) and b (TypeScript) hold the same numbers bit for bit (±0 told apart; NaN equals NaN). */
export function assertSame(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} (WebAssembly) vs ${b[i]} (TypeScript)`);
}
