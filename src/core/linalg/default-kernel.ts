/**
 * Picks the kernel of a training run: the WebAssembly SIMD kernel of the requested precision
 * where the engine supports it (its relaxed-SIMD build where the engine has relaxed SIMD, see
 * wasm-module.ts), else the plain TypeScript kernel (float64 only).
 */
import type { Precision } from '../config/types';
import { jsKernel } from './js-kernel';
import type { DenseKernel } from './kernel';
import type { SpawnKernelHelper } from './kernel-helper';
import { ThreadedWasmKernel } from './threaded-kernel';
import { WasmKernel } from './wasm-kernel';
import { wasmKernelAvailable } from './wasm-module';

/**
 * A fresh kernel for one model (each WebAssembly kernel owns its memory, freed with the model),
 * or `jsKernel` where WebAssembly SIMD is unavailable — which computes in float64 whatever the
 * precision asked for. With `spawn` (a host that can start threads), big products are split
 * over two threads (`ThreadedWasmKernel`).
 */
export function createKernel(precision: Precision = 'float64', spawn?: SpawnKernelHelper): DenseKernel {
  if (!wasmKernelAvailable()) return jsKernel;
  try {
    return spawn ? new ThreadedWasmKernel({ precision, spawn }) : new WasmKernel({ precision });
  } catch {
    // E.g. a shared memory refused by the engine (pages without cross-origin isolation).
    return jsKernel;
  }
}
