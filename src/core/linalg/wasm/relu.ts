// AssemblyScript (compiled by asc, not tsc): ReLU over float64 arrays, the hidden activation most
// models use, run in WebAssembly beside the products. Same numbers as the TypeScript ReLU
// (relu-family.ts), NaN and signed zeros included:
//   forward  y = x > 0 ? x : 0               (NaN → 0)
//   backward dx = (x > 0 ? 1 : 0) · dy       (0 · NaN = NaN, 0 · (−3) = −0, as in TypeScript)

/** y[i] = x[i] > 0 ? x[i] : 0 for i < len. */
export function reluForward64(x: usize, y: usize, len: i32): void {
  const zero = f64x2.splat(0);
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const off = <usize>i << 3;
    const v = v128.load(x + off);
    v128.store(y + off, v128.and(v, f64x2.gt(v, zero)));
  }
  if (i < len) {
    const v = load<f64>(x + (<usize>i << 3));
    store<f64>(y + (<usize>i << 3), v > 0 ? v : 0);
  }
}

/** dx[i] = (x[i] > 0 ? 1 : 0) · dy[i] for i < len. */
export function reluBackward64(x: usize, dy: usize, dx: usize, len: i32): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const off = <usize>i << 3;
    const slope = v128.and(one, f64x2.gt(v128.load(x + off), zero));
    v128.store(dx + off, f64x2.mul(slope, v128.load(dy + off)));
  }
  if (i < len) {
    const off = <usize>i << 3;
    store<f64>(dx + off, (load<f64>(x + off) > 0 ? 1.0 : 0.0) * load<f64>(dy + off));
  }
}

// Float32 arrays (a float32 model's activations): the TypeScript loop on a Float32Array widens
// x to double, picks x or 0 and stores it back, exactly x or +0; the slope times dy is one
// multiplication of two floats, whose double result rounds to the float32 product itself. So
// f32x4 compares and products give the TypeScript numbers, NaN and signed zeros included.

/** reluForward64 over float32 arrays: y[i] = x[i] > 0 ? x[i] : 0 for i < len. */
export function reluForward32(x: usize, y: usize, len: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(x + off);
    v128.store(y + off, v128.and(v, f32x4.gt(v, zero)));
  }
  for (; i < len; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    store<f32>(y + (<usize>i << 2), v > 0 ? v : 0);
  }
}

/** reluBackward64 over float32 arrays: dx[i] = (x[i] > 0 ? 1 : 0) · dy[i] for i < len. */
export function reluBackward32(x: usize, dy: usize, dx: usize, len: i32): void {
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const off = <usize>i << 2;
    const slope = v128.and(one, f32x4.gt(v128.load(x + off), zero));
    v128.store(dx + off, f32x4.mul(slope, v128.load(dy + off)));
  }
  for (; i < len; i++) {
    const off = <usize>i << 2;
    store<f32>(dx + off, (load<f32>(x + off) > 0 ? <f32>1 : <f32>0) * load<f32>(dy + off));
  }
}
