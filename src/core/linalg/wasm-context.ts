/**
 * What the WebAssembly kernel's passes share: its memory, the module's functions, reusable scratch
 * regions, and how an array is found in the memory with its element type. A float64 model's arrays
 * are Float64Array views of the memory and run the module's `…64` routines; a float32 model's are
 * Float32Array views and run the `…32` routines. An array from elsewhere, or of the other type, makes
 * a pass decline (the layer's TypeScript does it) unless the pass copies it in.
 */
import type { FloatArray } from './float-array';
import type { Scratch, WasmArena } from './wasm-arena';
import type { KernelExports } from './wasm-module';

/** Element width of a float array: 64 (Float64Array) or 32 (Float32Array). */
export type FloatWidth = 64 | 32;

/** The width of `a`'s elements. */
export function widthOf(a: FloatArray): FloatWidth {
  return a instanceof Float32Array ? 32 : 64;
}

/** The memory, functions and scratch of one kernel, as its passes use them. */
export interface KernelContext {
  readonly arena: WasmArena;
  readonly fns: KernelExports;
  /** Smallest batch (n·features values) that dropout and batch normalisation hand to WebAssembly. */
  readonly layerThreshold: number;
  /** A foreign input copied in (im2col's batch of images). */
  readonly input: Scratch;
  /** The generator's four state words during a dropout pass. */
  readonly rng: Scratch;
  /** Batch normalisation's per-feature coefficients. */
  readonly coef: Scratch;
}

/** Byte address of `a` when it lives in the kernel's memory with elements of `width` (and, when given, exactly `len` of them), else -1. */
export function residentAt(ctx: KernelContext, a: FloatArray, width: FloatWidth, len?: number): number {
  if (widthOf(a) !== width || (len !== undefined && a.length !== len)) return -1;
  return ctx.arena.addressOf(a);
}
