// AssemblyScript (compiled by asc, not tsc): the optimizer steps of SGD, momentum (MSGD, NAG) and the
// Adam family (Adam, AMSGrad, AdaMax, Nadam, AdaBound/AMSBound) over one tensor, with the numbers of
// the TypeScript optimizers (../../optimizers/*.ts) bit for bit.
//
// Storage is float64 or float32 (`f32` = 1), the same for the parameters p, the gradient g and every
// state array. Whatever the storage, every value is computed in f64 with the TypeScript expression's
// operations in its order (no fused multiply–add): each array value is loaded and widened to f64, and
// each stored value is rounded once to the storage type. A state value stored and then used again in
// the same coordinate is used as stored (rounded), as TypeScript re-reads it from its Float32Array.
// Scalars that TypeScript computes once per tensor with `**` (α_t, Nadam's corrections, the bounds)
// come in as f64 arguments, so no power is evaluated here.
//
// Two coordinates per f64x2 operation (float32: two values loaded with load64_zero and promoted);
// an odd last coordinate runs the same code on one lane (load32/64_zero, one lane stored; the
// other lane computes on zeros and is dropped). Coordinates are independent, so the order across
// coordinates does not matter; within one, the operations are TypeScript's.

/** Two values (`n` = 2) or one (`n` = 1, in lane 0) of storage T at `a`, widened to f64x2. */
// @ts-ignore: decorator
@inline function ld<T>(a: usize, n: i32): v128 {
  if (sizeof<T>() == 8) return n == 2 ? v128.load(a) : v128.load64_zero(a);
  return f64x2.promote_low_f32x4(n == 2 ? v128.load64_zero(a) : v128.load32_zero(a));
}

/** Stores the first `n` lanes of `x` at `a`, rounded to storage T. */
// @ts-ignore: decorator
@inline function st<T>(a: usize, x: v128, n: i32): void {
  if (sizeof<T>() == 8) {
    if (n == 2) v128.store(a, x);
    else v128.store64_lane(a, x, 0);
  } else {
    const r = f32x4.demote_f64x2_zero(x);
    if (n == 2) v128.store64_lane(a, r, 0);
    else v128.store32_lane(a, r, 0);
  }
}

/** `x` as it reads back after a store to storage T (rounded to float32 and widened; float64: x itself). */
// @ts-ignore: decorator
@inline function rd<T>(x: v128): v128 {
  if (sizeof<T>() == 8) return x;
  return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(x));
}

/** Stores `x` at `a` and returns it as read back. */
// @ts-ignore: decorator
@inline function put<T>(a: usize, x: v128, n: i32): v128 {
  st<T>(a, x, n);
  return rd<T>(x);
}

/** f64x2 of a scalar. */
// @ts-ignore: decorator
@inline function sp(x: f64): v128 {
  return f64x2.splat(x);
}

// ---------------------------------------------------------------------------------------------
// SGD: p ← p − η·g

// @ts-ignore: decorator
@inline function sgdAt<T>(p: usize, g: usize, n: i32, eta: v128): void {
  st<T>(p, f64x2.sub(ld<T>(p, n), f64x2.mul(eta, ld<T>(g, n))), n);
}

function sgd<T>(p: usize, g: usize, len: i32, eta: f64): void {
  const e = sp(eta);
  const w = <usize>sizeof<T>();
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const o = <usize>i * w;
    sgdAt<T>(p + o, g + o, 2, e);
  }
  if (i < len) {
    const o = <usize>i * w;
    sgdAt<T>(p + o, g + o, 1, e);
  }
}

/** SGD over p[0..len), g: p ← p − η·g. */
export function sgdStep(f32: i32, p: usize, g: usize, len: i32, eta: f64): void {
  if (f32) sgd<f32>(p, g, len, eta);
  else sgd<f64>(p, g, len, eta);
}

// ---------------------------------------------------------------------------------------------
// Momentum (PyTorch's buffer form), lr = (1 − μ)·η:
//   MSGD: b ← μ·b + g;  p ← p − lr·b
//   NAG:  b ← μ·b + g;  p ← p − lr·(g + μ·b)

// @ts-ignore: decorator
@inline function momentumAt<T>(p: usize, g: usize, b: usize, n: i32, mu: v128, lr: v128, nesterov: bool): void {
  const gv = ld<T>(g, n);
  const bv = put<T>(b, f64x2.add(f64x2.mul(mu, ld<T>(b, n)), gv), n);
  const d = nesterov ? f64x2.add(gv, f64x2.mul(mu, bv)) : bv;
  st<T>(p, f64x2.sub(ld<T>(p, n), f64x2.mul(lr, d)), n);
}

// @ts-ignore: decorator
@inline function momentum<T>(p: usize, g: usize, b: usize, len: i32, mu: f64, lr: f64, nesterov: bool): void {
  const m = sp(mu),
    r = sp(lr);
  const w = <usize>sizeof<T>();
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const o = <usize>i * w;
    momentumAt<T>(p + o, g + o, b + o, 2, m, r, nesterov);
  }
  if (i < len) {
    const o = <usize>i * w;
    momentumAt<T>(p + o, g + o, b + o, 1, m, r, nesterov);
  }
}

/** MSGD over p[0..len) with buffer b: b ← μ·b + g; p ← p − lr·b (lr = (1 − μ)·η). */
export function msgdStep(f32: i32, p: usize, g: usize, b: usize, len: i32, mu: f64, lr: f64): void {
  if (f32) momentum<f32>(p, g, b, len, mu, lr, false);
  else momentum<f64>(p, g, b, len, mu, lr, false);
}

/** NAG over p[0..len) with buffer b: b ← μ·b + g; p ← p − lr·(g + μ·b) (lr = (1 − μ)·η). */
export function nagStep(f32: i32, p: usize, g: usize, b: usize, len: i32, mu: f64, lr: f64): void {
  if (f32) momentum<f32>(p, g, b, len, mu, lr, true);
  else momentum<f64>(p, g, b, len, mu, lr, true);
}

// ---------------------------------------------------------------------------------------------
// The Adam family's moments (../../optimizers/moments.ts), with c₁ = 1 − β₁, c₂ = 1 − β₂:
//   m ← β₁·m + c₁·g;  v ← β₂·v + (c₂·g)·g
// Each rule below stores m and v, then uses them as read back.

// Adam:     p ← p − (α_t·m)/√(v + ε)
// AMSGrad:  v̂ ← max(v̂, v);  p ← p − (α_t·m)/√(v̂ + ε)     (α_t = α/√t)
// Nadam:    m̂ = (μ·m)/c_m + ((1 − μ)·g)/c_g;  v̂ = (ν·v)/c_v;  p ← p − (α·m̂)/√(v̂ + ε)
// AdaBound: v̂ ← max(v̂, v) (kept, unused);  r = min(max(α/√v, η_l), η_u);  p ← p − (r/√t)·m
// AMSBound: the same with v̂ in place of v.
// `kind`: 0 Adam, 1 AMSGrad, 2 Nadam, 3 AdaBound, 4 AMSBound; x = v̂ (kinds 1, 3, 4); s0..s4 the
// rule's scalars: Adam/AMSGrad (α_t, ε); Nadam (α, ε, c_m, c_g, c_v); bounds (α, η_l, η_u, √t).

// @ts-ignore: decorator
@inline function momentsAt<T>(kind: i32, p: usize, g: usize, m: usize, v: usize, x: usize, n: i32, r1: v128, q1: v128, r2: v128, q2: v128, s0: v128, s1: v128, s2: v128, s3: v128, s4: v128): void {
  const gv = ld<T>(g, n);
  const mv = put<T>(m, f64x2.add(f64x2.mul(r1, ld<T>(m, n)), f64x2.mul(q1, gv)), n);
  const vv = put<T>(v, f64x2.add(f64x2.mul(r2, ld<T>(v, n)), f64x2.mul(f64x2.mul(q2, gv), gv)), n);
  let step: v128;
  if (kind == 0) {
    step = f64x2.div(f64x2.mul(s0, mv), f64x2.sqrt(f64x2.add(vv, s1)));
  } else if (kind == 1) {
    const xv = put<T>(x, f64x2.max(ld<T>(x, n), vv), n);
    step = f64x2.div(f64x2.mul(s0, mv), f64x2.sqrt(f64x2.add(xv, s1)));
  } else if (kind == 2) {
    // r1 = μ, q1 = 1 − μ, r2 = ν
    const mHat = f64x2.add(f64x2.div(f64x2.mul(r1, mv), s2), f64x2.div(f64x2.mul(q1, gv), s3));
    const vHat = f64x2.div(f64x2.mul(r2, vv), s4);
    step = f64x2.div(f64x2.mul(s0, mHat), f64x2.sqrt(f64x2.add(vHat, s1)));
  } else {
    const xv = put<T>(x, f64x2.max(ld<T>(x, n), vv), n);
    const w = kind == 4 ? xv : vv;
    const rate = f64x2.min(f64x2.max(f64x2.div(s0, f64x2.sqrt(w)), s1), s2);
    step = f64x2.mul(f64x2.div(rate, s3), mv);
  }
  st<T>(p, f64x2.sub(ld<T>(p, n), step), n);
}

// @ts-ignore: decorator
@inline function moments<T>(kind: i32, p: usize, g: usize, m: usize, v: usize, x: usize, len: i32, beta1: f64, beta2: f64, a0: f64, a1: f64, a2: f64, a3: f64, a4: f64): void {
  const r1 = sp(beta1),
    q1 = sp(1 - beta1),
    r2 = sp(beta2),
    q2 = sp(1 - beta2);
  const s0 = sp(a0),
    s1 = sp(a1),
    s2 = sp(a2),
    s3 = sp(a3),
    s4 = sp(a4);
  const w = <usize>sizeof<T>();
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const o = <usize>i * w;
    momentsAt<T>(kind, p + o, g + o, m + o, v + o, x + o, 2, r1, q1, r2, q2, s0, s1, s2, s3, s4);
  }
  if (i < len) {
    const o = <usize>i * w;
    momentsAt<T>(kind, p + o, g + o, m + o, v + o, x + o, 1, r1, q1, r2, q2, s0, s1, s2, s3, s4);
  }
}

/** Adam over p[0..len) with moments m, v: p ← p − (α_t·m)/√(v + ε), α_t = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ). */
export function adamStep(f32: i32, p: usize, g: usize, m: usize, v: usize, len: i32, beta1: f64, beta2: f64, alphaT: f64, eps: f64): void {
  if (f32) moments<f32>(0, p, g, m, v, 0, len, beta1, beta2, alphaT, eps, 0, 0, 0);
  else moments<f64>(0, p, g, m, v, 0, len, beta1, beta2, alphaT, eps, 0, 0, 0);
}

/** AMSGrad over p[0..len) with m, v and the maximum vMax: p ← p − (α_t·m)/√(v̂ + ε), α_t = α/√t. */
export function amsgradStep(f32: i32, p: usize, g: usize, m: usize, v: usize, vMax: usize, len: i32, beta1: f64, beta2: f64, alphaT: f64, eps: f64): void {
  if (f32) moments<f32>(1, p, g, m, v, vMax, len, beta1, beta2, alphaT, eps, 0, 0, 0);
  else moments<f64>(1, p, g, m, v, vMax, len, beta1, beta2, alphaT, eps, 0, 0, 0);
}

/** Nadam over p[0..len) with m, v; cm = 1 − μᵗ⁺¹, cg = 1 − μᵗ, cv = 1 − νᵗ. */
export function nadamStep(f32: i32, p: usize, g: usize, m: usize, v: usize, len: i32, mu: f64, nu: f64, alpha: f64, eps: f64, cm: f64, cg: f64, cv: f64): void {
  if (f32) moments<f32>(2, p, g, m, v, 0, len, mu, nu, alpha, eps, cm, cg, cv);
  else moments<f64>(2, p, g, m, v, 0, len, mu, nu, alpha, eps, cm, cg, cv);
}

/** AdaBound (`useMax` 0) or AMSBound (1) over p[0..len) with m, v, vMax; bounds η_l, η_u and √t from TypeScript. */
export function boundStep(f32: i32, useMax: i32, p: usize, g: usize, m: usize, v: usize, vMax: usize, len: i32, beta1: f64, beta2: f64, alpha: f64, lower: f64, upper: f64, rootT: f64): void {
  const kind = useMax ? 4 : 3;
  if (f32) moments<f32>(kind, p, g, m, v, vMax, len, beta1, beta2, alpha, lower, upper, rootT, 0);
  else moments<f64>(kind, p, g, m, v, vMax, len, beta1, beta2, alpha, lower, upper, rootT, 0);
}

// ---------------------------------------------------------------------------------------------
// AdaMax: m ← β₁·m + (1 − β₁)·g;  u ← max(β₂·u, |g| + ε);  p ← p − (α_t·m)/u,  α_t = α/(1 − β₁ᵗ)

// @ts-ignore: decorator
@inline function adamaxAt<T>(p: usize, g: usize, m: usize, u: usize, n: i32, r1: v128, q1: v128, r2: v128, at: v128, e: v128): void {
  const gv = ld<T>(g, n);
  const mv = put<T>(m, f64x2.add(f64x2.mul(r1, ld<T>(m, n)), f64x2.mul(q1, gv)), n);
  const uv = put<T>(u, f64x2.max(f64x2.mul(r2, ld<T>(u, n)), f64x2.add(f64x2.abs(gv), e)), n);
  st<T>(p, f64x2.sub(ld<T>(p, n), f64x2.div(f64x2.mul(at, mv), uv)), n);
}

function adamax<T>(p: usize, g: usize, m: usize, u: usize, len: i32, beta1: f64, beta2: f64, alphaT: f64, eps: f64): void {
  const r1 = sp(beta1),
    q1 = sp(1 - beta1),
    r2 = sp(beta2),
    at = sp(alphaT),
    e = sp(eps);
  const w = <usize>sizeof<T>();
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const o = <usize>i * w;
    adamaxAt<T>(p + o, g + o, m + o, u + o, 2, r1, q1, r2, at, e);
  }
  if (i < len) {
    const o = <usize>i * w;
    adamaxAt<T>(p + o, g + o, m + o, u + o, 1, r1, q1, r2, at, e);
  }
}

/** AdaMax over p[0..len) with m and the max-norm u. */
export function adamaxStep(f32: i32, p: usize, g: usize, m: usize, u: usize, len: i32, beta1: f64, beta2: f64, alphaT: f64, eps: f64): void {
  if (f32) adamax<f32>(p, g, m, u, len, beta1, beta2, alphaT, eps);
  else adamax<f64>(p, g, m, u, len, beta1, beta2, alphaT, eps);
}
