/**
 * The optimizer steps of `WasmKernel` (`DenseKernel.allocLike` and `optimizerStep`): SGD, MSGD, NAG
 * and the Adam family run in WebAssembly (wasm/optimizer-steps.ts) on a tensor whose parameters,
 * gradient and state all live in the kernel's memory with one element type (float64 or float32),
 * with the TypeScript optimizers' numbers bit for bit. Anything else is declined (false) and the
 * optimizer's own loop runs: arrays elsewhere or of mixed types, lengths that differ, overlapping
 * arrays, and tensors shorter than `OPTIMIZER_MIN_LENGTH`.
 */
import type { FloatArray } from './float-array';
import { OPTIMIZER_RULES, OptimizerRule } from './optimizer-rules';
import type { WasmArena } from './wasm-arena';
import type { KernelExports } from './wasm-module';

/**
 * Tensors shorter than this stay in TypeScript: measured with Adam (bench/optimizer-bench.ts, Node 20),
 * the call costs about 0.5 µs, so WebAssembly is slower at 8 values (0.74×), even at 16 and 3× faster at 64.
 */
export const OPTIMIZER_MIN_LENGTH = 16;

/** A zeroed array of `length` in the arena with the element type of `like`. */
export function allocLike(arena: WasmArena, like: FloatArray, length: number): FloatArray {
  return like instanceof Float32Array ? arena.alloc32(length) : arena.alloc(length);
}

/**
 * Byte addresses of `arrays` (all of `len` values and of the element type of the first) when each
 * lives in the arena and no two overlap; undefined otherwise.
 */
function residentAddresses(arena: WasmArena, arrays: readonly FloatArray[], len: number): number[] | undefined {
  const f32 = arrays[0] instanceof Float32Array;
  const bytes = len * (f32 ? 4 : 8);
  const at: number[] = [];
  for (const a of arrays) {
    if (a.length !== len || a instanceof Float32Array !== f32) return undefined;
    const p = arena.addressOf(a);
    if (p < 0) return undefined;
    for (const q of at) if (p < q + bytes && q < p + bytes) return undefined;
    at.push(p);
  }
  return at;
}

/** Runs one step of `rule` in WebAssembly when every array is resident (see the file comment); false otherwise. */
export function optimizerStep(
  arena: WasmArena,
  fns: KernelExports,
  rule: OptimizerRule,
  p: FloatArray,
  g: FloatArray,
  state: readonly FloatArray[],
  scalars: readonly number[],
): boolean {
  const len = p.length;
  const shape = OPTIMIZER_RULES[rule];
  if (len < OPTIMIZER_MIN_LENGTH || state.length !== shape.states || scalars.length !== shape.scalars) return false;
  const at = residentAddresses(arena, [p, g, ...state], len);
  if (!at) return false;
  const f32 = p instanceof Float32Array ? 1 : 0;
  const [pp, pg, s0 = 0, s1 = 0, s2 = 0] = at;
  const [a, b, c, d, e = 0, f = 0, h = 0] = scalars;
  switch (rule) {
    case 'sgd':
      fns.sgdStep(f32, pp, pg, len, a);
      break;
    case 'msgd':
      fns.msgdStep(f32, pp, pg, s0, len, a, b);
      break;
    case 'nag':
      fns.nagStep(f32, pp, pg, s0, len, a, b);
      break;
    case 'adam':
      fns.adamStep(f32, pp, pg, s0, s1, len, a, b, c, d);
      break;
    case 'amsgrad':
      fns.amsgradStep(f32, pp, pg, s0, s1, s2, len, a, b, c, d);
      break;
    case 'adamax':
      fns.adamaxStep(f32, pp, pg, s0, s1, len, a, b, c, d);
      break;
    case 'nadam':
      fns.nadamStep(f32, pp, pg, s0, s1, len, a, b, c, d, e, f, h);
      break;
    case 'adabound':
    case 'amsbound':
      fns.boundStep(f32, rule === 'amsbound' ? 1 : 0, pp, pg, s0, s1, s2, len, a, b, c, d, e, f);
      break;
  }
  return true;
}
