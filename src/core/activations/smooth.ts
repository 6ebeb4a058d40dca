/**
 * Smooth unbounded activations: softplus, softsign, Swish, Mish, tanhExp.
 * Swish, Mish and tanhExp also give their second derivative (`d2y`). Every form below
 * stays finite for all finite x: products like x·eˣ·sech²(eˣ) (inf·0 in the reference)
 * are written with sech² evaluated directly, and cut to 0 once they underflow.
 */
import { pointwiseModule, torchModule } from '../export/forms';
import { onnxSoftplus, onnxSwish } from '../export/onnx-ops';
import { Activation, ActivationEntry } from './activation';
import { pointwise, sech2, sigmoid, sigmoidSlope, softplus } from './pointwise';

/** Swish with slope β: f(x) = x·σ(βx). */
function swish(beta: number): Activation {
  return pointwise(
    'Swish',
    (x) => x * sigmoid(beta * x),
    // f'(x) = σ(βx) + βx·σ(βx)σ(−βx)
    (x) => {
      const z = beta * x;
      const q = sigmoidSlope(z);
      return sigmoid(z) + (q === 0 ? 0 : z * q);
    },
    // f''(x) = β·σ(βx)σ(−βx)·(2 − βx·tanh(βx/2))   (= the reference's −β/4 (βx tanh(βx/2) − 2) sech²(βx/2))
    (x) => {
      const z = beta * x;
      const q = sigmoidSlope(z);
      return q === 0 ? 0 : beta * q * (2 - z * Math.tanh(0.5 * z));
    },
  );
}

/**
 * Mish: f(x) = x·tanh(sp(x)), sp = softplus. With T = tanh(sp(x)), S = sech²(sp(x)), s = σ(x):
 * f'(x) = T + x·S·s, f''(x) = S·s·(2 + x(1 − s − 2T·s)). S is evaluated directly (no 1 − T²),
 * and x·S is formed first, so for large x it underflows to 0 instead of meeting an infinity.
 */
function mish(): Activation {
  return pointwise(
    'Mish',
    (x) => x * Math.tanh(softplus(x)),
    (x) => {
      const u = softplus(x);
      return Math.tanh(u) + x * sech2(u) * sigmoid(x);
    },
    (x) => {
      const u = softplus(x);
      const t = Math.tanh(u);
      const S = sech2(u);
      const s = sigmoid(x);
      return 2 * S * s + x * S * s * (1 - s - 2 * t * s);
    },
  );
}

/** Beyond this E = eˣ, E·sech²(E) ≈ 4E·e^(−2E) is below the smallest double, so terms carrying it are 0. */
const TANHEXP_CUTOFF = 350;

/**
 * tanhExp: f(x) = x·tanh(eˣ). With E = eˣ, T = tanh E, S = sech² E:
 * f'(x) = T + x·E·S, f''(x) = E·S·(2 + x(1 − 2E·T)) (x factored out so 2x never overflows). For E > 350 the E·S factor is 0 in
 * float64, so the terms are dropped (f' → 1, f'' → 0) instead of evaluating inf·0.
 */
function tanhExp(): Activation {
  return pointwise(
    'tanhExp',
    (x) => x * Math.tanh(Math.exp(x)),
    (x) => {
      const E = Math.exp(x);
      const T = Math.tanh(E);
      return E > TANHEXP_CUTOFF ? T : T + x * E * sech2(E);
    },
    (x) => {
      const E = Math.exp(x);
      if (E > TANHEXP_CUTOFF) return 0;
      return E * sech2(E) * (2 + x * (1 - 2 * E * Math.tanh(E)));
    },
  );
}

/** Registry entries for the smooth family, in the reference's order. */
export const SMOOTH_ACTIVATIONS: ActivationEntry[] = [
  {
    name: 'softplus',
    init: 'he',
    export: {
      pytorch: () => pointwiseModule('softplus', 'Softplus'),
      onnx: (g, x) => onnxSoftplus(g, x),
    },
    summary: 'Smooth ReLU: log(1 + eˣ), computed as max(x, 0) + log1p(e^(−|x|)).',
    formula: 'f(x) = log(1 + eˣ);  f′(x) = σ(x) = 1/(1 + e⁻ˣ)',
    params: [],
    create: () => pointwise('softplus', softplus, (x) => sigmoid(x)),
  },
  {
    name: 'softsign',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Softsign()'),
      // Softsign: x/(1 + |x|).
      onnx: (g, x) => g.op('Softsign', [x]),
    },
    summary: 'Squashes inputs into (−1, 1) more gently than tanh.',
    formula: 'f(x) = x/(1 + |x|);  f′(x) = 1/(1 + |x|)²',
    params: [],
    create: () =>
      pointwise(
        'softsign',
        (x) => x / (1 + Math.abs(x)),
        (x) => {
          const d = 1 + Math.abs(x);
          return 1 / (d * d);
        },
      ),
  },
  {
    name: 'Swish',
    init: 'he',
    export: {
      pytorch: (p) => (p.beta === 1 ? torchModule('nn.SiLU()') : pointwiseModule('swish', 'Swish', [p.beta])),
      onnx: (g, x, p) => onnxSwish(g, x, p.beta),
    },
    summary: 'x·σ(βx) (SiLU when β = 1): smooth, non-monotonic, unbounded above.',
    formula: 'f(x) = x·σ(βx);  f′(x) = βf(x) + σ(βx)(1 − βf(x));  f″(x) = (β/4)(2 − βx·tanh(βx/2))·sech²(βx/2)',
    params: [{ name: 'beta', default: 1, min: 0, doc: 'Slope β inside the sigmoid (≥ 0; β = 0 gives x/2).' }],
    create: ({ beta }) => swish(beta),
  },
  {
    name: 'Mish',
    init: 'he',
    export: {
      pytorch: () => torchModule('nn.Mish()'),
      // x · tanh(softplus(x)) (ONNX Mish needs opset 18 and uses the overflowing softplus).
      onnx: (g, x) => g.op('Mul', [x, g.op('Tanh', [onnxSoftplus(g, x)])]),
    },
    summary: 'x·tanh(softplus(x)): smooth, non-monotonic, unbounded above.',
    formula: 'f(x) = x·tanh(ln(1 + eˣ));  f′(x) = tanh(sp) + x·sech²(sp)·σ(x), sp = ln(1 + eˣ)',
    params: [],
    create: () => mish(),
  },
  {
    name: 'tanhExp',
    init: 'he',
    export: {
      pytorch: () => pointwiseModule('tanh_exp', 'TanhExp'),
      // x · tanh(eˣ): eˣ = +∞ gives tanh = 1, eˣ = 0 gives 0.
      onnx: (g, x) => g.op('Mul', [x, g.op('Tanh', [g.op('Exp', [x])])]),
    },
    summary: 'x·tanh(eˣ): close to x for positive inputs, close to 0 for negative ones.',
    formula: 'f(x) = x·tanh(eˣ);  f′(x) = tanh(eˣ) + x·eˣ·sech²(eˣ)',
    params: [],
    create: () => tanhExp(),
  },
];
