/**
 * The elementwise passes the WebAssembly kernel runs beside the products: ReLU, dropout, batch
 * normalisation and the divergence check (src/core/linalg/wasm/{relu,dropout,batch-norm,finite}.ts
 * have the loops). Same numbers as the TypeScript they replace, bit for bit; each returns false,
 * having written nothing, when its arrays do not all live in the kernel's memory with one element
 * type (or, for dropout and batch normalisation, when the batch is below `layerThreshold`).
 */
import type { FloatArray } from './float-array';
import type { BatchNormArrays, GeneratorState } from './kernel';
import { KernelContext, residentAt, widthOf } from './wasm-context';

/** ReLU's forward y = max(x, 0) (NaN → 0); other activations: false. */
export function activationPass(ctx: KernelContext, name: string, z: FloatArray, y: FloatArray): boolean {
  if (name !== 'ReLU' || z.length !== y.length) return false;
  const width = widthOf(y);
  const pz = residentAt(ctx, z, width),
    py = residentAt(ctx, y, width);
  if (pz < 0 || py < 0) return false;
  if (width === 64) ctx.fns.reluForward64(pz, py, z.length);
  else ctx.fns.reluForward32(pz, py, z.length);
  return true;
}

/** ReLU's backward dz = (z > 0 ? 1 : 0)·dy. */
export function activationBackwardPass(ctx: KernelContext, name: string, z: FloatArray, dy: FloatArray, dz: FloatArray): boolean {
  if (name !== 'ReLU' || z.length !== dy.length || z.length !== dz.length) return false;
  const width = widthOf(dz);
  const pz = residentAt(ctx, z, width),
    pdy = residentAt(ctx, dy, width),
    pdz = residentAt(ctx, dz, width);
  if (pz < 0 || pdy < 0 || pdz < 0) return false;
  if (width === 64) ctx.fns.reluBackward64(pz, pdy, pdz, z.length);
  else ctx.fns.reluBackward32(pz, pdy, pdz, z.length);
  return true;
}

/** Dropout's training forward, carrying `rng`'s xoshiro128** state through WebAssembly memory (see `DenseKernel.dropoutForward`). */
export function dropoutForwardPass(ctx: KernelContext, rng: GeneratorState, rate: number, keepScale: number, x: FloatArray, mask: FloatArray, y: FloatArray): boolean {
  const len = mask.length;
  if (len < ctx.layerThreshold || x.length < len || y.length !== len) return false;
  const width = widthOf(y);
  const px = residentAt(ctx, x, width),
    pm = residentAt(ctx, mask, width),
    py = residentAt(ctx, y, width);
  if (px < 0 || pm < 0 || py < 0) return false;
  const ps = ctx.arena.scratch(ctx.rng, 16);
  rng.saveState(ctx.arena.i32, ps >> 2);
  if (width === 64) ctx.fns.dropoutForward64(ps, px, pm, py, len, rate, keepScale);
  else ctx.fns.dropoutForward32(ps, px, pm, py, len, rate, keepScale);
  rng.loadState(ctx.arena.i32, ps >> 2);
  return true;
}

/** Dropout's backward dx = dy ⊙ mask. */
export function dropoutBackwardPass(ctx: KernelContext, mask: FloatArray, dy: FloatArray, dx: FloatArray): boolean {
  const len = mask.length;
  if (len < ctx.layerThreshold || dy.length !== len || dx.length !== len) return false;
  const width = widthOf(dx);
  const pm = residentAt(ctx, mask, width),
    pdy = residentAt(ctx, dy, width),
    pdx = residentAt(ctx, dx, width);
  if (pm < 0 || pdy < 0 || pdx < 0) return false;
  if (width === 64) ctx.fns.dropoutBackward64(pm, pdy, pdx, len);
  else ctx.fns.dropoutBackward32(pm, pdy, pdx, len);
  return true;
}

/** Batch normalisation's forward (see `DenseKernel.batchNormForward`). */
export function batchNormForwardPass(ctx: KernelContext, bn: BatchNormArrays, training: boolean, x: FloatArray, xHat: FloatArray, y: FloatArray, n: number): boolean {
  const f = bn.features,
    len = n * f;
  if (len < ctx.layerThreshold) return false;
  const width = widthOf(y);
  const px = residentAt(ctx, x, width, len),
    pxh = residentAt(ctx, xHat, width, len),
    py = residentAt(ctx, y, width, len);
  const pg = residentAt(ctx, bn.gamma, width, f),
    pb = residentAt(ctx, bn.beta, width, f),
    pm = residentAt(ctx, bn.mean, width, f),
    ps = residentAt(ctx, bn.invStd, width, f),
    prm = residentAt(ctx, bn.runningMean, width, f),
    prv = residentAt(ctx, bn.runningVar, width, f);
  if (Math.min(px, pxh, py, pg, pb, pm, ps, prm, prv) < 0) return false;
  const forward = width === 64 ? ctx.fns.batchNormForward64 : ctx.fns.batchNormForward32;
  forward(px, pxh, py, n, f, pg, pb, pm, ps, prm, prv, bn.momentum, bn.epsilon, training ? 1 : 0);
  return true;
}

/** Batch normalisation's backward: dγ, dβ, and dx unless it is undefined. */
export function batchNormBackwardPass(ctx: KernelContext, bn: BatchNormArrays, training: boolean, dy: FloatArray, xHat: FloatArray, dx: FloatArray | undefined, n: number): boolean {
  const f = bn.features,
    len = n * f;
  if (len < ctx.layerThreshold) return false;
  const width = widthOf(dy);
  const pdy = residentAt(ctx, dy, width, len),
    pxh = residentAt(ctx, xHat, width, len),
    pdx = dx === undefined ? 0 : residentAt(ctx, dx, width, len);
  const pg = residentAt(ctx, bn.gamma, width, f),
    ps = residentAt(ctx, bn.invStd, width, f),
    pdg = residentAt(ctx, bn.dGamma, width, f),
    pdb = residentAt(ctx, bn.dBeta, width, f);
  if (Math.min(pdy, pxh, pdx, pg, ps, pdg, pdb) < 0) return false;
  const pc = ctx.arena.scratch(ctx.coef, f * 8);
  const backward = width === 64 ? ctx.fns.batchNormBackward64 : ctx.fns.batchNormBackward32;
  backward(pdy, pxh, pdx, pc, n, f, pg, ps, pdg, pdb, training ? 1 : 0);
  return true;
}

/** The first NaN or ±Infinity of `arrays`: SIMD over arrays in the kernel's memory, a plain scan otherwise. */
export function firstNonFinitePass(ctx: KernelContext, arrays: readonly FloatArray[]): number | undefined {
  for (const a of arrays) {
    const width = widthOf(a);
    const at = residentAt(ctx, a, width);
    if (at >= 0) {
      const i = width === 64 ? ctx.fns.firstNonFinite64(at, a.length) : ctx.fns.firstNonFinite32(at, a.length);
      if (i >= 0) return a[i];
    } else {
      for (let i = 0; i < a.length; i++) if (a[i] - a[i] !== 0) return a[i];
    }
  }
  return undefined;
}
