// AssemblyScript (compiled by asc, not tsc): batch normalisation over the features of a row-major
// float64 batch x[n×f], with the numbers of the TypeScript layer (../../layers/batch-norm.ts) bit
// for bit. The batch is row-major, so features j and j + 1 of a sample are adjacent: each pass
// walks the rows in order and handles two features per f64x2 operation (the last one alone when
// f is odd). Every per-feature sum therefore adds its terms in the same order as the TypeScript
// loops (sample 0 first), from the same 0, with the same operations (no fused multiply–add):
//   μ_j = (Σ_i x_ij) / n,   s_j = Σ_i (x_ij − μ_j)·(x_ij − μ_j),   σ²_j = s_j / n,
//   r_μj ← (1 − momentum)·r_μj + momentum·μ_j,   r_σ²j ← (1 − momentum)·r_σ²j + momentum·(s_j / (n − 1)),
//   1/σ_j = 1/√(σ²_j + ε)   (evaluation: μ_j = r_μj, 1/σ_j = 1/√(r_σ²j + ε)),
//   x̂_ij = (x_ij − μ_j)·(1/σ_j),   y_ij = γ_j·x̂_ij + β_j.
// Backward: dβ_j = Σ_i dy_ij, dγ_j = Σ_i dy_ij·x̂_ij, and
//   training:   dx_ij = ((γ_j·(1/σ_j)) / n)·((n·dy_ij − dβ_j) − x̂_ij·dγ_j)
//   evaluation: dx_ij = (dy_ij·γ_j)·(1/σ_j).

/** a[j] = 0 for j < f. */
function zero(a: usize, f: i32): void {
  memory.fill(a, 0, <usize>f << 3);
}

/** acc[j] += x[i·f + j] for every row i in order. */
function addColumns(x: usize, acc: usize, n: i32, f: i32): void {
  const rp = <usize>f << 3;
  for (let i = 0; i < n; i++) {
    const row = x + <usize>i * rp;
    let j = 0;
    for (; j + 2 <= f; j += 2) {
      const o = <usize>j << 3;
      v128.store(acc + o, f64x2.add(v128.load(acc + o), v128.load(row + o)));
    }
    if (j < f) {
      const o = <usize>j << 3;
      store<f64>(acc + o, load<f64>(acc + o) + load<f64>(row + o));
    }
  }
}

/** acc[j] += (x[i·f + j] − mean[j])² for every row i in order. */
function addSquaredDeviations(x: usize, mean: usize, acc: usize, n: i32, f: i32): void {
  const rp = <usize>f << 3;
  for (let i = 0; i < n; i++) {
    const row = x + <usize>i * rp;
    let j = 0;
    for (; j + 2 <= f; j += 2) {
      const o = <usize>j << 3;
      const d = f64x2.sub(v128.load(row + o), v128.load(mean + o));
      v128.store(acc + o, f64x2.add(v128.load(acc + o), f64x2.mul(d, d)));
    }
    if (j < f) {
      const o = <usize>j << 3;
      const d = load<f64>(row + o) - load<f64>(mean + o);
      store<f64>(acc + o, load<f64>(acc + o) + d * d);
    }
  }
}

/**
 * Forward over x[n×f] into xh (x̂) and y. Training (`training` ≠ 0): the batch statistics into
 * mean and invStd (1/σ), and the running ones updated; evaluation: mean and invStd from the running ones.
 */
export function batchNormForward64(
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
    zero(mean, f);
    addColumns(x, mean, n, f);
    for (let j = 0; j < f; j++) {
      const o = <usize>j << 3;
      store<f64>(mean + o, load<f64>(mean + o) / nf);
    }
    zero(invStd, f); // holds Σ(x − μ)² first
    addSquaredDeviations(x, mean, invStd, n, f);
    for (let j = 0; j < f; j++) {
      const o = <usize>j << 3;
      const s = load<f64>(invStd + o);
      const variance = s / nf;
      store<f64>(runMean + o, decay * load<f64>(runMean + o) + momentum * load<f64>(mean + o));
      store<f64>(runVar + o, decay * load<f64>(runVar + o) + momentum * (s / n1));
      store<f64>(invStd + o, 1 / sqrt<f64>(variance + epsilon));
    }
  } else {
    for (let j = 0; j < f; j++) {
      const o = <usize>j << 3;
      store<f64>(mean + o, load<f64>(runMean + o));
      store<f64>(invStd + o, 1 / sqrt<f64>(load<f64>(runVar + o) + epsilon));
    }
  }
  const rp = <usize>f << 3;
  for (let i = 0; i < n; i++) {
    const r = <usize>i * rp;
    let j = 0;
    for (; j + 2 <= f; j += 2) {
      const o = <usize>j << 3;
      const h = f64x2.mul(f64x2.sub(v128.load(x + r + o), v128.load(mean + o)), v128.load(invStd + o));
      v128.store(xh + r + o, h);
      v128.store(y + r + o, f64x2.add(f64x2.mul(v128.load(gamma + o), h), v128.load(beta + o)));
    }
    if (j < f) {
      const o = <usize>j << 3;
      const h = (load<f64>(x + r + o) - load<f64>(mean + o)) * load<f64>(invStd + o);
      store<f64>(xh + r + o, h);
      store<f64>(y + r + o, load<f64>(gamma + o) * h + load<f64>(beta + o));
    }
  }
}

/**
 * Backward: dβ and dγ from dy[n×f] and x̂, then dx (skipped when dx is 0) through the batch
 * statistics (training ≠ 0; `coef` holds f doubles of scratch for (γ·(1/σ))/n) or with the running ones held constant.
 */
export function batchNormBackward64(
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
  const rp = <usize>f << 3;
  zero(dBeta, f);
  zero(dGamma, f);
  for (let i = 0; i < n; i++) {
    const r = <usize>i * rp;
    let j = 0;
    for (; j + 2 <= f; j += 2) {
      const o = <usize>j << 3;
      const g = v128.load(dy + r + o);
      v128.store(dBeta + o, f64x2.add(v128.load(dBeta + o), g));
      v128.store(dGamma + o, f64x2.add(v128.load(dGamma + o), f64x2.mul(g, v128.load(xh + r + o))));
    }
    if (j < f) {
      const o = <usize>j << 3;
      const g = load<f64>(dy + r + o);
      store<f64>(dBeta + o, load<f64>(dBeta + o) + g);
      store<f64>(dGamma + o, load<f64>(dGamma + o) + g * load<f64>(xh + r + o));
    }
  }
  if (dx == 0) return;
  if (training) {
    const nf = <f64>n;
    for (let j = 0; j < f; j++) {
      const o = <usize>j << 3;
      store<f64>(coef + o, (load<f64>(gamma + o) * load<f64>(invStd + o)) / nf);
    }
    const nv = f64x2.splat(nf);
    for (let i = 0; i < n; i++) {
      const r = <usize>i * rp;
      let j = 0;
      for (; j + 2 <= f; j += 2) {
        const o = <usize>j << 3;
        const centred = f64x2.sub(f64x2.mul(nv, v128.load(dy + r + o)), v128.load(dBeta + o));
        const t = f64x2.sub(centred, f64x2.mul(v128.load(xh + r + o), v128.load(dGamma + o)));
        v128.store(dx + r + o, f64x2.mul(v128.load(coef + o), t));
      }
      if (j < f) {
        const o = <usize>j << 3;
        const t = nf * load<f64>(dy + r + o) - load<f64>(dBeta + o) - load<f64>(xh + r + o) * load<f64>(dGamma + o);
        store<f64>(dx + r + o, load<f64>(coef + o) * t);
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const r = <usize>i * rp;
      let j = 0;
      for (; j + 2 <= f; j += 2) {
        const o = <usize>j << 3;
        v128.store(dx + r + o, f64x2.mul(f64x2.mul(v128.load(dy + r + o), v128.load(gamma + o)), v128.load(invStd + o)));
      }
      if (j < f) {
        const o = <usize>j << 3;
        store<f64>(dx + r + o, load<f64>(dy + r + o) * load<f64>(gamma + o) * load<f64>(invStd + o));
      }
    }
  }
}
