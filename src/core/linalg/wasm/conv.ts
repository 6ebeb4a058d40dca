// AssemblyScript (compiled by asc, not tsc): the elementwise passes of convolution and max pooling
// around the products (../../layers/conv2d.ts and pool2d.ts have the formulas), float64, in the
// same operation order as the TypeScript loops there, so the numbers are the same bit for bit.
// Index tables and arg-max indices are int32 arrays; every pointer is a byte address.
import { windowMax } from './max-pool-window';

/** im2col: cols[i·per + t] = table[t] ≥ 0 ? x[i·inputs + table[t]] : 0, for i < count, t < per. */
export function im2col64(x: usize, table: usize, per: i32, cols: usize, count: i32, inputs: i32): void {
  let dst = cols;
  for (let i = 0; i < count; i++) {
    const src = x + ((<usize>i * <usize>inputs) << 3);
    for (let t = 0; t < per; t++) {
      const at = load<i32>(table + (<usize>t << 2));
      store<f64>(dst, at >= 0 ? load<f64>(src + (<usize>at << 3)) : 0.0);
      dst += 8;
    }
  }
}

/** im2col into float32 (the float32 products' operand directly): cols32[i·per + t] = f32(the im2col64 value). */
export function im2col32(x: usize, table: usize, per: i32, cols32: usize, count: i32, inputs: i32): void {
  let dst = cols32;
  for (let i = 0; i < count; i++) {
    const src = x + ((<usize>i * <usize>inputs) << 3);
    for (let t = 0; t < per; t++) {
      const at = load<i32>(table + (<usize>t << 2));
      store<f32>(dst, at >= 0 ? <f32>load<f64>(src + (<usize>at << 3)) : 0);
      dst += 4;
    }
  }
}

/** col2im: dx[i·inputs + table[t]] += dCols[i·per + t] over t in order (table[t] ≥ 0), dx zeroed first. */
export function col2im64(dCols: usize, table: usize, per: i32, dx: usize, n: i32, inputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 3);
  let src = dCols;
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 3);
    for (let t = 0; t < per; t++) {
      const at = load<i32>(table + (<usize>t << 2));
      if (at >= 0) {
        const p = dst + (<usize>at << 3);
        store<f64>(p, load<f64>(p) + load<f64>(src));
      }
      src += 8;
    }
  }
}

/** z[((first + i)·f + j)·p + q] = zCol[(i·p + q)·f + j] + b[j], for i < count, j < f, q < p. */
export function convOutput64(zCol: usize, b: usize, z: usize, first: i32, count: i32, f: i32, p: i32): void {
  for (let i = 0; i < count; i++)
    for (let j = 0; j < f; j++) {
      const bj = load<f64>(b + (<usize>j << 3));
      let dst = z + ((<usize>((first + i) * f + j) * <usize>p) << 3);
      let src = zCol + ((<usize>(i * p * f + j)) << 3);
      const step = <usize>f << 3;
      for (let q = 0; q < p; q++) {
        store<f64>(dst, load<f64>(src) + bj);
        dst += 8;
        src += step;
      }
    }
}

/**
 * dZ_col[(i·p + q)·f + j] = dz[(i·f + j)·p + q], and db[j] = Σ_i (Σ_q dz[i, j, q]) (inner sums
 * first, then added to db in sample order, as the TypeScript loop), for i < n, j < f, q < p.
 */
export function convOutputGrad64(dz: usize, dzCol: usize, db: usize, n: i32, f: i32, p: i32): void {
  memory.fill(db, 0, <usize>f << 3);
  const step = <usize>f << 3;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < f; j++) {
      let src = dz + ((<usize>(i * f + j) * <usize>p) << 3);
      let dst = dzCol + ((<usize>(i * p * f + j)) << 3);
      let s: f64 = 0;
      for (let q = 0; q < p; q++) {
        const v = load<f64>(src);
        store<f64>(dst, v);
        s += v;
        src += 8;
        dst += step;
      }
      const pb = db + (<usize>j << 3);
      store<f64>(pb, load<f64>(pb) + s);
    }
}

/**
 * Max pooling forward over n samples of c planes h×w into oh×ow windows kh×kw with strides sh, sw:
 * y = the window's first maximum in row-major order (NaN taken over, as in PyTorch), arg = its
 * index within the sample.
 */
export function maxPoolForward64(
  x: usize,
  y: usize,
  arg: usize,
  n: i32,
  c: i32,
  h: i32,
  w: i32,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
): void {
  const inputs = c * h * w;
  let yp = y;
  let ap = arg;
  for (let i = 0; i < n; i++) {
    const sample = x + ((<usize>i * <usize>inputs) << 3);
    for (let ch = 0; ch < c; ch++) {
      const plane = ch * h * w;
      for (let oy = 0; oy < oh; oy++)
        for (let ox = 0; ox < ow; ox++) {
          windowMax<f64>(sample, plane + oy * sh * w + ox * sw, w, kh, kw, yp, ap);
          yp += 8;
          ap += 4;
        }
    }
  }
}

/** Max pooling backward: dx zeroed, then dx[i·inputs + arg[i·outputs + o]] += dy[i·outputs + o] in order. */
export function maxPoolBackward64(arg: usize, dy: usize, dx: usize, n: i32, inputs: i32, outputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 3);
  let o: usize = 0;
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 3);
    for (let k = 0; k < outputs; k++, o++) {
      const p = dst + (<usize>load<i32>(arg + (o << 2)) << 3);
      store<f64>(p, load<f64>(p) + load<f64>(dy + (o << 3)));
    }
  }
}
