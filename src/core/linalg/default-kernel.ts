/**
 * Picks the kernel of a training run: the WebAssembly SIMD kernel of the requested precision
 * where the engine supports it, else the plain TypeScript kernel (float64 only).
 */
import type { Precision } from '../config/types';
import { jsKernel } from './js-kernel';
import type { DenseKernel } from './kernel';
import { createWasmKernel } from './wasm-kernel';

/**
 * A fresh kernel for one model: `createWasmKernel(precision)` (each owns its memory, freed with
 * the model), or `jsKernel` where WebAssembly SIMD is unavailable — which computes in float64
 * whatever the precision asked for.
 */
export function createKernel(precision: Precision = 'float64'): DenseKernel {
  return createWasmKernel({ precision }) ?? jsKernel;
}
