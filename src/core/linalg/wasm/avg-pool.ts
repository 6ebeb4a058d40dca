// AssemblyScript (compiled by asc, not tsc): average pooling (../../layers/pool2d.ts has the
// formulas) over n samples of c planes h×w into oh×ow windows kh×kw with strides sh, sw, in the
// operation order of the layer's TypeScript loops, so the numbers are the same bit for bit:
//   scale = 1/(kh·kw) (in double),
//   forward:  s = Σ_{ky, kx} x[top + ky·w + kx] (a double sum, row-major, from 0),  y[o] = s·scale,
//   backward: dx zeroed; for each output o in order, d = dy[o]·scale (double), then
//             dx[top + ky·w + kx] += d over the window, row-major.
// The …32 variants take float32 arrays and compute as TypeScript on Float32Array: reads widened to
// double, s and d double, each store rounded to float32 once (so every += rounds).

/** Average pooling forward over float64 x[n×c×h×w] into y[n×c×oh×ow]. */
export function avgPoolForward64(x: usize, y: usize, n: i32, c: i32, h: i32, w: i32, oh: i32, ow: i32, kh: i32, kw: i32, sh: i32, sw: i32): void {
  const scale = 1.0 / <f64>(kh * kw);
  const planes = n * c;
  const rowBytes = <usize>w << 3;
  let yp = y;
  for (let pl = 0; pl < planes; pl++) {
    const plane = x + ((<usize>pl * <usize>(h * w)) << 3);
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++) {
        let row = plane + ((<usize>(oy * sh * w + ox * sw)) << 3);
        let s: f64 = 0;
        for (let ky = 0; ky < kh; ky++) {
          for (let kx = 0; kx < kw; kx++) s += load<f64>(row + (<usize>kx << 3));
          row += rowBytes;
        }
        store<f64>(yp, s * scale);
        yp += 8;
      }
  }
}

/** Average pooling forward over float32 x and y: y[o] = f32(s·scale) with s the double sum of the widened inputs. */
export function avgPoolForward32(x: usize, y: usize, n: i32, c: i32, h: i32, w: i32, oh: i32, ow: i32, kh: i32, kw: i32, sh: i32, sw: i32): void {
  const scale = 1.0 / <f64>(kh * kw);
  const planes = n * c;
  const rowBytes = <usize>w << 2;
  let yp = y;
  for (let pl = 0; pl < planes; pl++) {
    const plane = x + ((<usize>pl * <usize>(h * w)) << 2);
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++) {
        let row = plane + ((<usize>(oy * sh * w + ox * sw)) << 2);
        let s: f64 = 0;
        for (let ky = 0; ky < kh; ky++) {
          for (let kx = 0; kx < kw; kx++) s += <f64>load<f32>(row + (<usize>kx << 2));
          row += rowBytes;
        }
        store<f32>(yp, <f32>(s * scale));
        yp += 4;
      }
  }
}

/** Average pooling backward over float64: dx[n×c×h×w] zeroed, then each output's dy·scale added over its window. */
export function avgPoolBackward64(dy: usize, dx: usize, n: i32, c: i32, h: i32, w: i32, oh: i32, ow: i32, kh: i32, kw: i32, sh: i32, sw: i32): void {
  const scale = 1.0 / <f64>(kh * kw);
  const planes = n * c;
  const rowBytes = <usize>w << 3;
  memory.fill(dx, 0, (<usize>planes * <usize>(h * w)) << 3);
  let dp = dy;
  for (let pl = 0; pl < planes; pl++) {
    const plane = dx + ((<usize>pl * <usize>(h * w)) << 3);
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++) {
        const d = load<f64>(dp) * scale;
        dp += 8;
        let row = plane + ((<usize>(oy * sh * w + ox * sw)) << 3);
        for (let ky = 0; ky < kh; ky++) {
          for (let kx = 0; kx < kw; kx++) {
            const p = row + (<usize>kx << 3);
            store<f64>(p, load<f64>(p) + d);
          }
          row += rowBytes;
        }
      }
  }
}

/** Average pooling backward over float32: d = dy[o]·scale in double, dx[…] = f32(dx[…] + d) at every addition. */
export function avgPoolBackward32(dy: usize, dx: usize, n: i32, c: i32, h: i32, w: i32, oh: i32, ow: i32, kh: i32, kw: i32, sh: i32, sw: i32): void {
  const scale = 1.0 / <f64>(kh * kw);
  const planes = n * c;
  const rowBytes = <usize>w << 2;
  memory.fill(dx, 0, (<usize>planes * <usize>(h * w)) << 2);
  let dp = dy;
  for (let pl = 0; pl < planes; pl++) {
    const plane = dx + ((<usize>pl * <usize>(h * w)) << 2);
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++) {
        const d = <f64>load<f32>(dp) * scale;
        dp += 4;
        let row = plane + ((<usize>(oy * sh * w + ox * sw)) << 2);
        for (let ky = 0; ky < kh; ky++) {
          for (let kx = 0; kx < kw; kx++) {
            const p = row + (<usize>kx << 2);
            store<f32>(p, <f32>(<f64>load<f32>(p) + d));
          }
          row += rowBytes;
        }
      }
  }
}
