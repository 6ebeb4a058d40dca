// AssemblyScript (compiled by asc, not tsc): the passes of conv.ts over float32 arrays (a float32
// model's inputs, activations and gradients), with the numbers the layers' TypeScript loops
// (../../layers/conv2d.ts, pool2d.ts) give on Float32Array: each read widened to double, each
// expression evaluated in double, each store rounded to float32 once. So `a[k] += v` rounds at
// every addition (load, add in f64, round, store), and a local sum `s += v` stays double.
// Index tables and arg-max indices are int32 arrays; every pointer is a byte address.

/** im2col64 from and to float32: cols32[i·per + t] = table[t] ≥ 0 ? x32[i·inputs + table[t]] : 0. */
export function im2colF32(x32: usize, table: usize, per: i32, cols32: usize, count: i32, inputs: i32): void {
  let dst = cols32;
  for (let i = 0; i < count; i++) {
    const src = x32 + ((<usize>i * <usize>inputs) << 2);
    for (let t = 0; t < per; t++) {
      const at = load<i32>(table + (<usize>t << 2));
      store<f32>(dst, at >= 0 ? load<f32>(src + (<usize>at << 2)) : 0);
      dst += 4;
    }
  }
}

/** col2im64 over float32: dx zeroed, then dx[i·inputs + table[t]] = f32(dx[…] + dCols[i·per + t]) over t in order. */
export function col2im32(dCols: usize, table: usize, per: i32, dx: usize, n: i32, inputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 2);
  let src = dCols;
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 2);
    for (let t = 0; t < per; t++) {
      const at = load<i32>(table + (<usize>t << 2));
      if (at >= 0) {
        const p = dst + (<usize>at << 2);
        store<f32>(p, <f32>(<f64>load<f32>(p) + <f64>load<f32>(src)));
      }
      src += 4;
    }
  }
}

/** convOutput64 over float32: z[((first + i)·f + j)·p + q] = f32(zCol[(i·p + q)·f + j] + b[j]). */
export function convOutput32(zCol: usize, b: usize, z: usize, first: i32, count: i32, f: i32, p: i32): void {
  const step = <usize>f << 2;
  for (let i = 0; i < count; i++)
    for (let j = 0; j < f; j++) {
      const bj = <f64>load<f32>(b + (<usize>j << 2));
      let dst = z + ((<usize>((first + i) * f + j) * <usize>p) << 2);
      let src = zCol + (<usize>(i * p * f + j) << 2);
      for (let q = 0; q < p; q++) {
        store<f32>(dst, <f32>(<f64>load<f32>(src) + bj));
        dst += 4;
        src += step;
      }
    }
}

/**
 * convOutputGrad64 over float32: dzCol[(i·p + q)·f + j] = dz[(i·f + j)·p + q]; per sample i and
 * filter j the double sum s = Σ_q dz[i, j, q], then db[j] = f32(db[j] + s) (db zeroed first), as
 * the TypeScript `db[j] += s` on a Float32Array.
 */
export function convOutputGrad32f(dz: usize, dzCol: usize, db: usize, n: i32, f: i32, p: i32): void {
  memory.fill(db, 0, <usize>f << 2);
  const step = <usize>f << 2;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < f; j++) {
      let src = dz + ((<usize>(i * f + j) * <usize>p) << 2);
      let dst = dzCol + (<usize>(i * p * f + j) << 2);
      let s: f64 = 0;
      for (let q = 0; q < p; q++) {
        const v = load<f32>(src);
        store<f32>(dst, v);
        s += <f64>v;
        src += 4;
        dst += step;
      }
      const pb = db + (<usize>j << 2);
      store<f32>(pb, <f32>(<f64>load<f32>(pb) + s));
    }
}

/** All ones when v takes over from the running maximum (v > value, or v is NaN), else 0: a mask, no branch. */
// @ts-ignore: decorator
@inline
function takes(v: f32, value: f32): i32 {
  return -(<i32>(v > value) | <i32>(v != v));
}

/** mask ? v : value through the bits. */
// @ts-ignore: decorator
@inline
function chooseF32(mask: i32, v: f32, value: f32): f32 {
  return reinterpret<f32>((reinterpret<i32>(v) & mask) | (reinterpret<i32>(value) & ~mask));
}

/**
 * maxPoolForward64 over float32 x and y: the window's first maximum in row-major order (NaN taken
 * over), its index within the sample in arg. Comparing floats in float32 or widened to double
 * orders them the same, and y is one of the inputs, so these are the TypeScript loop's numbers.
 */
export function maxPoolForward32(
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
    const sample = x + ((<usize>i * <usize>inputs) << 2);
    for (let ch = 0; ch < c; ch++) {
      const plane = ch * h * w;
      for (let oy = 0; oy < oh; oy++)
        for (let ox = 0; ox < ow; ox++) {
          const top = plane + oy * sh * w + ox * sw;
          let best = top;
          let value = load<f32>(sample + (<usize>top << 2));
          if (kh == 2 && kw == 2) {
            // The common 2×2 window unrolled; its first element is the start.
            const p = sample + (<usize>top << 2);
            let v = load<f32>(p, 4);
            let take = takes(v, value);
            value = chooseF32(take, v, value);
            best = ((top + 1) & take) | (best & ~take);
            const below = p + (<usize>w << 2);
            v = load<f32>(below);
            take = takes(v, value);
            value = chooseF32(take, v, value);
            best = ((top + w) & take) | (best & ~take);
            v = load<f32>(below, 4);
            take = takes(v, value);
            value = chooseF32(take, v, value);
            best = ((top + w + 1) & take) | (best & ~take);
            store<f32>(yp, value);
            store<i32>(ap, best);
            yp += 4;
            ap += 4;
            continue;
          }
          for (let ky = 0; ky < kh; ky++) {
            const row = top + ky * w;
            for (let kx = 0; kx < kw; kx++) {
              const v = load<f32>(sample + (<usize>(row + kx) << 2));
              const take = takes(v, value);
              value = chooseF32(take, v, value);
              best = ((row + kx) & take) | (best & ~take);
            }
          }
          store<f32>(yp, value);
          store<i32>(ap, best);
          yp += 4;
          ap += 4;
        }
    }
  }
}

/** maxPoolBackward64 over float32: dx zeroed, then dx[i·inputs + arg[o]] = f32(dx[…] + dy[o]) in order. */
export function maxPoolBackward32(arg: usize, dy: usize, dx: usize, n: i32, inputs: i32, outputs: i32): void {
  memory.fill(dx, 0, (<usize>n * <usize>inputs) << 2);
  let o: usize = 0;
  for (let i = 0; i < n; i++) {
    const dst = dx + ((<usize>i * <usize>inputs) << 2);
    for (let k = 0; k < outputs; k++, o++) {
      const p = dst + (<usize>load<i32>(arg + (o << 2)) << 2);
      store<f32>(p, <f32>(<f64>load<f32>(p) + <f64>load<f32>(dy + (o << 2))));
    }
  }
}
