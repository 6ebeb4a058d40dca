/**
 * The passes of convolution and pooling around the products, run by the WebAssembly kernel
 * (src/core/linalg/wasm/conv.ts has the loops, ../layers/conv2d.ts and pool2d.ts the formulas).
 * Each returns false, having written nothing, when its arrays do not all live in the kernel's
 * memory with one element type; the layer then runs its TypeScript loop, with the same numbers.
 */
import type { FloatArray } from './float-array';
import type { PoolGeometry } from './kernel';
import { gatherCode, runsPayOff, scatterCode, tableRuns } from './table-runs';
import { KernelContext, residentAt, widthOf } from './wasm-context';

/** An im2col table's run codes in the kernel's memory (see ./table-runs.ts). */
interface ResidentRuns {
  /** im2col's code: `copies` pairs, then `pads` pairs. */
  readonly gather: Int32Array;
  readonly copies: number;
  readonly pads: number;
  /** col2im's code: `scatters` quadruples. */
  readonly scatter: Int32Array;
  readonly scatters: number;
}

/** Each im2col table's runs (or null where they do not pay off), made once per table. */
const runsOfTable = new WeakMap<Int32Array, ResidentRuns | null>();

/** `table`'s run codes in the kernel's memory, or undefined where the plain loops are taken. */
function residentRuns(ctx: KernelContext, table: Int32Array, inputs: number): ResidentRuns | undefined {
  let runs = runsOfTable.get(table);
  if (runs === undefined) {
    const found = tableRuns(table);
    runs = null;
    if (runsPayOff(found, table.length, inputs)) {
      const { code, copies, pads } = gatherCode(found);
      const scatter = scatterCode(found, inputs, table.length);
      runs = { gather: ctx.arena.allocIndex(code.length), copies, pads, scatter: ctx.arena.allocIndex(scatter.length), scatters: scatter.length / 4 };
      runs.gather.set(code);
      runs.scatter.set(scatter);
    }
    runsOfTable.set(table, runs);
  }
  return runs ?? undefined;
}

/** im2col (see `DenseKernel.im2col`); a foreign input batch is copied in first. */
export function im2colPass(ctx: KernelContext, table: Int32Array, x: FloatArray, first: number, count: number, inputs: number, cols: FloatArray): boolean {
  const per = table.length;
  if (x.length < (first + count) * inputs || cols.length < count * per) return false;
  const width = widthOf(cols);
  const pt = ctx.arena.addressOf(table),
    pc = residentAt(ctx, cols, width);
  if (pt < 0 || pc < 0) return false;
  let px = residentAt(ctx, x, width);
  if (px >= 0) px += first * inputs * (width / 8);
  else if (widthOf(x) === 64 && width === 32) {
    // A float64 batch from elsewhere (e.g. predict's rows) under a float32 model: copied in as float64, rounded by im2col32.
    px = ctx.arena.scratch(ctx.input, count * inputs * 8);
    ctx.arena.f64.set(x.subarray(first * inputs, (first + count) * inputs), px / 8);
    ctx.fns.im2col32(px, pt, per, pc, count, inputs);
    return true;
  } else if (width === 64) {
    // A count·inputs copy, a ninth of X_col for a 3×3 window.
    px = ctx.arena.scratch(ctx.input, count * inputs * 8);
    ctx.arena.f64.set(x.subarray(first * inputs, (first + count) * inputs), px / 8);
  } else {
    // A foreign float32 batch under a float32 model.
    px = ctx.arena.scratch(ctx.input, count * inputs * 4);
    ctx.arena.f32.set(x.subarray(first * inputs, (first + count) * inputs), px / 4);
  }
  if (width === 64) ctx.fns.im2col64(px, pt, per, pc, count, inputs);
  else {
    const runs = residentRuns(ctx, table, inputs);
    const at = runs ? ctx.arena.addressOf(runs.gather) : -1;
    if (runs && at >= 0) ctx.fns.im2colRuns32(px, at, runs.copies, runs.pads, per, pc, count, inputs);
    else ctx.fns.im2colF32(px, pt, per, pc, count, inputs);
  }
  return true;
}

/** col2im (see `DenseKernel.col2im`). */
export function col2imPass(ctx: KernelContext, table: Int32Array, dCols: FloatArray, n: number, inputs: number, dx: FloatArray): boolean {
  const per = table.length;
  const width = widthOf(dx);
  if (dCols.length < n * per || dx.length < n * inputs) return false;
  const pt = ctx.arena.addressOf(table),
    pd = residentAt(ctx, dCols, width),
    px = residentAt(ctx, dx, width);
  if (pt < 0 || pd < 0 || px < 0) return false;
  if (width === 64) ctx.fns.col2im64(pd, pt, per, px, n, inputs);
  else {
    const runs = residentRuns(ctx, table, inputs);
    const at = runs ? ctx.arena.addressOf(runs.scatter) : -1;
    if (runs && at >= 0) ctx.fns.col2imRuns32(pd, at, runs.scatters, per, px, n, inputs);
    else ctx.fns.col2im32(pd, pt, per, px, n, inputs);
  }
  return true;
}

/** The convolution's bias and layout pass (see `DenseKernel.convOutput`). */
export function convOutputPass(
  ctx: KernelContext,
  zCol: FloatArray,
  b: FloatArray,
  z: FloatArray,
  first: number,
  count: number,
  f: number,
  p: number,
): boolean {
  if (zCol.length < count * p * f || b.length < f || z.length < (first + count) * f * p) return false;
  const width = widthOf(z);
  const pzc = residentAt(ctx, zCol, width),
    pb = residentAt(ctx, b, width),
    pz = residentAt(ctx, z, width);
  if (pzc < 0 || pb < 0 || pz < 0) return false;
  if (width === 64) ctx.fns.convOutput64(pzc, pb, pz, first, count, f, p);
  else ctx.fns.convOutput32(pzc, pb, pz, first, count, f, p);
  return true;
}

/** Its backward (see `DenseKernel.convOutputGrad`). */
export function convOutputGradPass(ctx: KernelContext, dz: FloatArray, dzCol: FloatArray, db: FloatArray, n: number, f: number, p: number): boolean {
  if (dz.length < n * f * p || dzCol.length < n * p * f || db.length !== f) return false;
  const width = widthOf(dz);
  const pdz = residentAt(ctx, dz, width),
    pdc = residentAt(ctx, dzCol, width),
    pdb = residentAt(ctx, db, width);
  if (pdz < 0 || pdc < 0 || pdb < 0) return false;
  if (width === 64) ctx.fns.convOutputGrad64(pdz, pdc, pdb, n, f, p);
  else ctx.fns.convOutputGrad32f(pdz, pdc, pdb, n, f, p);
  return true;
}

/** Max pooling's forward (see `DenseKernel.maxPoolForward`). */
export function maxPoolForwardPass(ctx: KernelContext, g: PoolGeometry, x: FloatArray, y: FloatArray, arg: Int32Array, n: number): boolean {
  const outputs = n * g.c * g.oh * g.ow;
  if (x.length < n * g.c * g.h * g.w || y.length < outputs || arg.length < outputs) return false;
  const width = widthOf(y);
  const px = residentAt(ctx, x, width),
    py = residentAt(ctx, y, width),
    pa = ctx.arena.addressOf(arg);
  if (px < 0 || py < 0 || pa < 0) return false;
  if (width === 64) ctx.fns.maxPoolForward64(px, py, pa, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
  else ctx.fns.maxPoolForward32(px, py, pa, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
  return true;
}

/** Max pooling's backward (see `DenseKernel.maxPoolBackward`). */
export function maxPoolBackwardPass(ctx: KernelContext, arg: Int32Array, dy: FloatArray, dx: FloatArray, n: number, inputs: number, outputs: number): boolean {
  if (arg.length < n * outputs || dy.length < n * outputs || dx.length < n * inputs) return false;
  const width = widthOf(dx);
  const pa = ctx.arena.addressOf(arg),
    pdy = residentAt(ctx, dy, width),
    pdx = residentAt(ctx, dx, width);
  if (pa < 0 || pdy < 0 || pdx < 0) return false;
  if (width === 64) ctx.fns.maxPoolBackward64(pa, pdy, pdx, n, inputs, outputs);
  else ctx.fns.maxPoolBackward32(pa, pdy, pdx, n, inputs, outputs);
  return true;
}

/** Average pooling's forward y = (Σ over the window of x)·(1/(kh·kw)) (see `DenseKernel.avgPoolForward`). */
export function avgPoolForwardPass(ctx: KernelContext, g: PoolGeometry, x: FloatArray, y: FloatArray, n: number): boolean {
  if (x.length < n * g.c * g.h * g.w || y.length < n * g.c * g.oh * g.ow) return false;
  const width = widthOf(y);
  const px = residentAt(ctx, x, width),
    py = residentAt(ctx, y, width);
  if (px < 0 || py < 0) return false;
  const avg = width === 64 ? ctx.fns.avgPoolForward64 : ctx.fns.avgPoolForward32;
  avg(px, py, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
  return true;
}

/** Average pooling's backward: dx zeroed, then each window's dx += dy·(1/(kh·kw)) (see `DenseKernel.avgPoolBackward`). */
export function avgPoolBackwardPass(ctx: KernelContext, g: PoolGeometry, dy: FloatArray, dx: FloatArray, n: number): boolean {
  if (dy.length < n * g.c * g.oh * g.ow || dx.length < n * g.c * g.h * g.w) return false;
  const width = widthOf(dx);
  const pdy = residentAt(ctx, dy, width),
    pdx = residentAt(ctx, dx, width);
  if (pdy < 0 || pdx < 0) return false;
  const avg = width === 64 ? ctx.fns.avgPoolBackward64 : ctx.fns.avgPoolBackward32;
  avg(pdy, pdx, n, g.c, g.h, g.w, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw);
  return true;
}
