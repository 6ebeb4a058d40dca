/**
 * The name a WebAssembly kernel has on this engine: `base` (e.g. `wasm64`, `wasm32x2`) for the
 * plain SIMD build, `base-relaxed` where the engine runs the relaxed-SIMD build (Node ≥ 22;
 * see src/core/linalg/wasm-module.ts), so kernel tests pass under either.
 */
import { preferredBuild } from '../../src/core/linalg/wasm-module';

/** `base` plus the suffix of the build this engine prefers. */
export function kernelName(base: string): string {
  return preferredBuild() === 'relaxed-simd' ? `${base}-relaxed` : base;
}
