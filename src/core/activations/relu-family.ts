/**
 * Rectifier activations: ReLU, ReLU6, leaky-ReLU, ELU, SELU, CELU.
 *
 * Kink conventions (PyTorch's): ReLU'(0) = 0; ReLU6' = 0 at 0 and 6; leaky-ReLU'(0) = α;
 * ELU'(0) = α and SELU'(0) = λα (the left-hand slope, as PyTorch's elu_backward gives);
 * CELU'(0) = 1 (CELU is continuously differentiable).
 */
import { pointwiseModule, torchModule } from '../export/forms';
import { onnxClip } from '../export/onnx-ops';
import { pyFloat } from '../export/pytorch/python-text';
import { ActivationEntry } from './activation';
import { pointwise } from './pointwise';

/** Registry entries for the rectifier family, in the reference's order. */
export const RELU_ACTIVATIONS: ActivationEntry[] = [
  {
    name: 'ReLU',
    init: 'he',
    export: {
      pytorch: () => torchModule('nn.ReLU()'),
      onnx: (g, x) => g.op('Relu', [x]),
    },
    summary: 'Rectified linear unit: max(0, x).',
    formula: 'f(x) = max(0, x);  f′(x) = 1 if x > 0, else 0',
    params: [],
    create: () =>
      pointwise(
        'ReLU',
        (x) => (x > 0 ? x : 0),
        (x) => (x > 0 ? 1 : 0),
      ),
  },
  {
    name: 'ReLU6',
    init: 'he',
    export: {
      pytorch: () => torchModule('nn.ReLU6()'),
      onnx: (g, x) => onnxClip(g, x, 0, 6),
    },
    summary: 'ReLU capped at 6: clip(x, 0, 6).',
    formula: 'f(x) = min(max(0, x), 6);  f′(x) = 1 if 0 < x < 6, else 0',
    params: [],
    create: () =>
      pointwise(
        'ReLU6',
        (x) => (x > 0 ? (x < 6 ? x : 6) : 0),
        (x) => (x > 0 && x < 6 ? 1 : 0),
      ),
  },
  {
    name: 'leaky-ReLU',
    init: 'he',
    export: {
      pytorch: (p) => torchModule(`nn.LeakyReLU(${pyFloat(p.alpha)})`),
      // LeakyRelu: x if x ≥ 0, else αx (the same value at 0).
      onnx: (g, x, p) => g.op('LeakyRelu', [x], { alpha: p.alpha }),
    },
    summary: 'ReLU with a small slope α for negative inputs.',
    formula: 'f(x) = x if x > 0, else αx  (= max(αx, x) for 0 ≤ α ≤ 1);  f′(x) = 1 if x > 0, else α',
    params: [{ name: 'alpha', default: 0.01, min: 0, max: 1, doc: 'Slope α for negative inputs (0 ≤ α ≤ 1).' }],
    create: ({ alpha }) =>
      pointwise(
        'leaky-ReLU',
        (x) => (x > 0 ? x : alpha * x),
        (x) => (x > 0 ? 1 : alpha),
      ),
  },
  {
    name: 'ELU',
    init: 'he',
    export: {
      pytorch: (p) => torchModule(`nn.ELU(${pyFloat(p.alpha)})`),
      // Elu: x if x ≥ 0, else α(eˣ − 1).
      onnx: (g, x, p) => g.op('Elu', [x], { alpha: p.alpha }),
    },
    summary: 'Exponential linear unit: identity for positive inputs, α(eˣ − 1) below.',
    formula: 'f(x) = x if x > 0, else α(eˣ − 1);  f′(x) = 1 if x > 0, else αeˣ',
    params: [{ name: 'alpha', default: 1, min: 0, doc: 'Negative saturation value −α (α ≥ 0).' }],
    create: ({ alpha }) =>
      pointwise(
        'ELU',
        (x) => (x > 0 ? x : alpha * Math.expm1(x)),
        (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
      ),
  },
  {
    name: 'SELU',
    init: 'he',
    export: {
      pytorch: (p) => pointwiseModule('selu', 'SELU', [p.lambda, p.alpha]),
      // Selu: γx if x > 0, else γα(eˣ − 1), with NN Lab's λ as γ.
      onnx: (g, x, p) => g.op('Selu', [x], { alpha: p.alpha, gamma: p.lambda }),
    },
    summary: "Scaled ELU, with the reference's constants λ = 1.0507, α = 1.67326 (PyTorch uses more digits).",
    formula: 'f(x) = λx if x > 0, else λα(eˣ − 1);  f′(x) = λ if x > 0, else λαeˣ',
    params: [
      { name: 'lambda', default: 1.0507, min: 0, exclusiveMin: true, doc: 'Scale λ (> 0).' },
      { name: 'alpha', default: 1.67326, min: 0, doc: 'Negative saturation α (≥ 0).' },
    ],
    create: ({ lambda, alpha }) =>
      pointwise(
        'SELU',
        (x) => (x > 0 ? lambda * x : lambda * alpha * Math.expm1(x)),
        (x) => (x > 0 ? lambda : lambda * alpha * Math.exp(x)),
      ),
  },
  {
    name: 'CELU',
    init: 'he',
    export: {
      pytorch: (p) => torchModule(`nn.CELU(${pyFloat(p.alpha)})`),
      // Celu: max(0, x) + min(0, α(e^(x/α) − 1)).
      onnx: (g, x, p) => g.op('Celu', [x], { alpha: p.alpha }),
    },
    summary: 'Continuously differentiable ELU: α(e^(x/α) − 1) for negative inputs.',
    formula: 'f(x) = x if x ≥ 0, else α(e^(x/α) − 1);  f′(x) = 1 if x ≥ 0, else e^(x/α)',
    params: [{ name: 'alpha', default: 1, min: 0, exclusiveMin: true, doc: 'Scale α (must be > 0).' }],
    create: ({ alpha }) =>
      pointwise(
        'CELU',
        (x) => (x >= 0 ? x : alpha * Math.expm1(x / alpha)),
        (x) => (x >= 0 ? 1 : Math.exp(x / alpha)),
      ),
  },
];
