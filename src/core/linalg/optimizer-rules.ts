/**
 * The optimizer update rules a kernel may run itself (`DenseKernel.optimizerStep`), and what each one
 * is given besides the tensor p and its gradient g: its per-tensor state arrays, in this order, and
 * the scalars the optimizer computes once per tensor (every `**` stays in TypeScript), in this order.
 * The formulas are the optimizers' own (../optimizers/<name>.ts):
 *   sgd:       p ← p − η·g                                              state []           scalars [η]
 *   msgd:      b ← μ·b + g;  p ← p − lr·b                               state [b]          scalars [μ, lr = (1 − μ)·η]
 *   nag:       b ← μ·b + g;  p ← p − lr·(g + μ·b)                       state [b]          scalars [μ, lr = (1 − μ)·η]
 *   adam:      moments;  p ← p − (α_t·m)/√(v + ε)                       state [m, v]       scalars [β₁, β₂, α_t, ε]
 *   amsgrad:   moments;  v̂ ← max(v̂, v);  p ← p − (α_t·m)/√(v̂ + ε)      state [m, v, v̂]    scalars [β₁, β₂, α_t, ε]
 *   adamax:    m as moments;  u ← max(β₂·u, |g| + ε);  p ← p − (α_t·m)/u  state [m, u]     scalars [β₁, β₂, α_t, ε]
 *   nadam:     moments (β₁ = μ, β₂ = ν);  p ← p − (α·m̂)/√(v̂ + ε)        state [m, v]       scalars [μ, ν, α, ε, c_m, c_g, c_v]
 *   adabound:  moments;  v̂ ← max(v̂, v);  p ← p − (clip(α/√v, η_l, η_u)/√t)·m     state [m, v, v̂]   scalars [β₁, β₂, α, η_l, η_u, √t]
 *   amsbound:  the same with v̂ in place of v                                      state [m, v, v̂]   scalars as adabound
 * where moments is m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + ((1 − β₂)·g)·g, m̂ = (μ·m)/c_m + ((1 − μ)·g)/c_g, v̂ = (ν·v)/c_v.
 */

/** How many state arrays and scalars each rule takes (see the table above). */
export const OPTIMIZER_RULES = {
  sgd: { states: 0, scalars: 1 },
  msgd: { states: 1, scalars: 2 },
  nag: { states: 1, scalars: 2 },
  adam: { states: 2, scalars: 4 },
  amsgrad: { states: 3, scalars: 4 },
  adamax: { states: 2, scalars: 4 },
  nadam: { states: 2, scalars: 7 },
  adabound: { states: 3, scalars: 6 },
  amsbound: { states: 3, scalars: 6 },
} as const;

/** The name of an update rule a kernel may run (see `OPTIMIZER_RULES`). */
export type OptimizerRule = keyof typeof OPTIMIZER_RULES;
