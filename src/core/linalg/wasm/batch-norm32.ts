// AssemblyScript (compiled by asc, not tsc): batch normalisation (batch-norm.ts has the formulas
// and the float64 passes) over float32 arrays: x, x̂, y, dy, dx and every per-feature array (γ, β,
// dγ, dβ, running statistics, μ and 1/σ) of a float32 model. The numbers are those of the layer's
// TypeScript loops (../../layers/batch-norm.ts) run on Float32Array: each read widened to double,
// each expression evaluated in double in the same order, each store rounded to float32 once. So
// the per-feature sums, kept in the float32 arrays themselves (`mean[j] += x[k]`), round at every
// addition, and y uses x̂ as stored (rounded):
//   μ_j ← f32(μ_j + x_ij) over i, then μ_j = f32(μ_j / n),
//   s_j ← f32(s_j + (x_ij − μ_j)·(x_ij − μ_j)) over i   (s_j held in invStd),
//   r_μj = f32((1 − momentum)·r_μj + momentum·μ_j),  r_σ²j = f32((1 − momentum)·r_σ²j + momentum·(s_j / (n − 1))),
//   1/σ_j = f32(1/√(s_j / n + ε))   (evaluation: μ_j = r_μj, 1/σ_j = f32(1/√(r_σ²j + ε))),
//   x̂_ij = f32((x_ij − μ_j)·(1/σ_j)),   y_ij = f32(γ_j·x̂_ij + β_j).
// Backward: dβ_j ← f32(dβ_j + dy_ij), dγ_j ← f32(dγ_j + dy_ij·x̂_ij) over i, and
//   training:   dx_ij = f32(c_j·((n·dy_ij − dβ_j) − x̂_ij·dγ_j)), c_j = (γ_j·(1/σ_j))/n in double (scratch),
//   evaluation: dx_ij = f32((dy_ij·γ_j)·(1/σ_j)).
// Four features per step (f32x4 loads, each half widened to f64x2, rounded back once), the rest one by one.
import { high, low, pack } from './lanes32';

/** a[j] = 0 for j < f (float32). */
function zero32(a: usize, f: i32): void {
  memory.fill(a, 0, <usize>f << 2);
}

/** acc[j] = f32(acc[j] + x[i·f + j]) for every row i in order (one addition of two floats: the float32 sum). */
function addColumns32(x: usize, acc: usize, n: i32, f: i32): void {
  const rp = <usize>f << 2;
  for (let i = 0; i < n; i++) {
    const row = x + <usize>i * rp;
    let j = 0;
    for (; j + 4 <= f; j += 4) {
      const o = <usize>j << 2;
      v128.store(acc + o, f32x4.add(v128.load(acc + o), v128.load(row + o)));
    }
    for (; j < f; j++) {
      const o = <usize>j << 2;
      store<f32>(acc + o, load<f32>(acc + o) + load<f32>(row + o));
    }
  }
}

/** acc[j] = f32(acc[j] + d·d), d = x[i·f + j] − mean[j] in double, for every row i in order. */
function addSquaredDeviations32(x: usize, mean: usize, acc: usize, n: i32, f: i32): void {
  const rp = <usize>f << 2;
  for (let i = 0; i < n; i++) {
    const row = x + <usize>i * rp;
    let j = 0;
    for (; j + 4 <= f; j += 4) {
      const o = <usize>j << 2;
      const v = v128.load(row + o),
        mu = v128.load(mean + o),
        a = v128.load(acc + o);
      const dl = f64x2.sub(low(v), low(mu)),
        dh = f64x2.sub(high(v), high(mu));
      v128.store(acc + o, pack(f64x2.add(low(a), f64x2.mul(dl, dl)), f64x2.add(high(a), f64x2.mul(dh, dh))));
    }
    for (; j < f; j++) {
      const o = <usize>j << 2;
      const d = <f64>load<f32>(row + o) - <f64>load<f32>(mean + o);
      store<f32>(acc + o, <f32>(<f64>load<f32>(acc + o) + d * d));
    }
  }
}

/** batchNormForward64 over float32 arrays (same parameters; momentum and epsilon are doubles). */
export function batchNormForward32(
  x: usize,
  xh: usize,
  y: usize,
  n: i32,
  f: i32,
  gamma: usize,
  beta: usize,
  mean: usize,
  invStd: usize,
  runMean: usize,
  runVar: usize,
  momentum: f64,
  epsilon: f64,
  training: i32,
): void {
  if (training) {
    const nf = <f64>n;
    const n1 = <f64>(n - 1);
    const decay = 1 - momentum;
    zero32(mean, f);
    addColumns32(x, mean, n, f);
    for (let j = 0; j < f; j++) {
      const o = <usize>j << 2;
      store<f32>(mean + o, <f32>(<f64>load<f32>(mean + o) / nf));
    }
    zero32(invStd, f); // holds Σ(x − μ)² first
    addSquaredDeviations32(x, mean, invStd, n, f);
    for (let j = 0; j < f; j++) {
      const o = <usize>j << 2;
      const s = <f64>load<f32>(invStd + o);
      const variance = s / nf;
      store<f32>(runMean + o, <f32>(decay * <f64>load<f32>(runMean + o) + momentum * <f64>load<f32>(mean + o)));
      store<f32>(runVar + o, <f32>(decay * <f64>load<f32>(runVar + o) + momentum * (s / n1)));
      store<f32>(invStd + o, <f32>(1 / sqrt<f64>(variance + epsilon)));
    }
  } else {
    for (let j = 0; j < f; j++) {
      const o = <usize>j << 2;
      store<f32>(mean + o, load<f32>(runMean + o));
      store<f32>(invStd + o, <f32>(1 / sqrt<f64>(<f64>load<f32>(runVar + o) + epsilon)));
    }
  }
  const rp = <usize>f << 2;
  for (let i = 0; i < n; i++) {
    const r = <usize>i * rp;
    let j = 0;
    for (; j + 4 <= f; j += 4) {
      const o = <usize>j << 2;
      const v = v128.load(x + r + o),
        mu = v128.load(mean + o),
        is = v128.load(invStd + o);
      // x̂ rounded to float32 first: y reads it back from the array.
      const h = pack(f64x2.mul(f64x2.sub(low(v), low(mu)), low(is)), f64x2.mul(f64x2.sub(high(v), high(mu)), high(is)));
      v128.store(xh + r + o, h);
      const g = v128.load(gamma + o),
        b = v128.load(beta + o);
      v128.store(y + r + o, pack(f64x2.add(f64x2.mul(low(g), low(h)), low(b)), f64x2.add(f64x2.mul(high(g), high(h)), high(b))));
    }
    for (; j < f; j++) {
      const o = <usize>j << 2;
      const h = <f32>((<f64>load<f32>(x + r + o) - <f64>load<f32>(mean + o)) * <f64>load<f32>(invStd + o));
      store<f32>(xh + r + o, h);
      store<f32>(y + r + o, <f32>(<f64>load<f32>(gamma + o) * <f64>h + <f64>load<f32>(beta + o)));
    }
  }
}

/**
 * batchNormBackward64 over float32 arrays (same parameters; dx 0 skips dx). `coef` holds f doubles
 * of scratch (float64, as for batchNormBackward64: c_j stays unrounded).
 */
export function batchNormBackward32(
  dy: usize,
  xh: usize,
  dx: usize,
  coef: usize,
  n: i32,
  f: i32,
  gamma: usize,
  invStd: usize,
  dGamma: usize,
  dBeta: usize,
  training: i32,
): void {
  const rp = <usize>f << 2;
  zero32(dBeta, f);
  zero32(dGamma, f);
  for (let i = 0; i < n; i++) {
    const r = <usize>i * rp;
    let j = 0;
    for (; j + 4 <= f; j += 4) {
      const o = <usize>j << 2;
      const g = v128.load(dy + r + o),
        h = v128.load(xh + r + o),
        dg = v128.load(dGamma + o);
      v128.store(dBeta + o, f32x4.add(v128.load(dBeta + o), g));
      v128.store(dGamma + o, pack(f64x2.add(low(dg), f64x2.mul(low(g), low(h))), f64x2.add(high(dg), f64x2.mul(high(g), high(h)))));
    }
    for (; j < f; j++) {
      const o = <usize>j << 2;
      const g = load<f32>(dy + r + o);
      store<f32>(dBeta + o, load<f32>(dBeta + o) + g);
      store<f32>(dGamma + o, <f32>(<f64>load<f32>(dGamma + o) + <f64>g * <f64>load<f32>(xh + r + o)));
    }
  }
  if (dx == 0) return;
  if (training) {
    const nf = <f64>n;
    for (let j = 0; j < f; j++) store<f64>(coef + (<usize>j << 3), (<f64>load<f32>(gamma + (<usize>j << 2)) * <f64>load<f32>(invStd + (<usize>j << 2))) / nf);
    const nv = f64x2.splat(nf);
    for (let i = 0; i < n; i++) {
      const r = <usize>i * rp;
      let j = 0;
      for (; j + 4 <= f; j += 4) {
        const o = <usize>j << 2;
        const c = coef + (<usize>j << 3);
        const g = v128.load(dy + r + o),
          h = v128.load(xh + r + o),
          db = v128.load(dBeta + o),
          dg = v128.load(dGamma + o);
        const tl = f64x2.sub(f64x2.sub(f64x2.mul(nv, low(g)), low(db)), f64x2.mul(low(h), low(dg)));
        const th = f64x2.sub(f64x2.sub(f64x2.mul(nv, high(g)), high(db)), f64x2.mul(high(h), high(dg)));
        v128.store(dx + r + o, pack(f64x2.mul(v128.load(c), tl), f64x2.mul(v128.load(c, 16), th)));
      }
      for (; j < f; j++) {
        const o = <usize>j << 2;
        const t = nf * <f64>load<f32>(dy + r + o) - <f64>load<f32>(dBeta + o) - <f64>load<f32>(xh + r + o) * <f64>load<f32>(dGamma + o);
        store<f32>(dx + r + o, <f32>(load<f64>(coef + (<usize>j << 3)) * t));
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const r = <usize>i * rp;
      let j = 0;
      for (; j + 4 <= f; j += 4) {
        const o = <usize>j << 2;
        const g = v128.load(dy + r + o),
          ga = v128.load(gamma + o),
          is = v128.load(invStd + o);
        v128.store(dx + r + o, pack(f64x2.mul(f64x2.mul(low(g), low(ga)), low(is)), f64x2.mul(f64x2.mul(high(g), high(ga)), high(is))));
      }
      for (; j < f; j++) {
        const o = <usize>j << 2;
        store<f32>(dx + r + o, <f32>(<f64>load<f32>(dy + r + o) * <f64>load<f32>(gamma + o) * <f64>load<f32>(invStd + o)));
      }
    }
  }
}
