/**
 * Sigmoid- and tanh-shaped activations: sigmoid, hard-sigmoid, log-sigmoid, tanh,
 * tanh-shrink, hard-tanh. All are evaluated so that no intermediate overflows.
 *
 * Kink conventions: hard-sigmoid' = 0.2 on the closed interval [−2.5, 2.5] (the reference's);
 * hard-tanh' = 0 at x = ±1 (PyTorch's: the slope is 1 on the open interval only).
 */
import { pointwiseModule, torchModule } from '../export/forms';
import { onnxClip, onnxSoftplus } from '../export/onnx-ops';
import { ActivationEntry } from './activation';
import { pointwise, sigmoid, sigmoidSlope, softplus } from './pointwise';

/** Registry entries for the sigmoid/tanh family, in the reference's order. */
export const SIGMOID_ACTIVATIONS: ActivationEntry[] = [
  {
    name: 'sigmoid',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Sigmoid()'),
      onnx: (g, x) => g.op('Sigmoid', [x]),
    },
    summary: 'Logistic function squashing inputs into (0, 1); pair it with the Binary loss.',
    formula: 'σ(x) = 1/(1 + e⁻ˣ);  σ′(x) = σ(x)(1 − σ(x))',
    params: [],
    // σ'(x) = σ(x)σ(−x), computed without the cancellation of 1 − σ(x).
    create: () => pointwise('sigmoid', sigmoid, (x) => sigmoidSlope(x)),
  },
  {
    name: 'hard-sigmoid',
    init: 'xavier',
    export: {
      pytorch: () => pointwiseModule('hard_sigmoid', 'HardSigmoid'),
      // HardSigmoid = max(0, min(1, αx + β)) with NN Lab's α = 0.2, β = 0.5.
      onnx: (g, x) => g.op('HardSigmoid', [x], { alpha: 0.2, beta: 0.5 }),
    },
    summary: "Piecewise-linear sigmoid: clip(0.2x + 0.5, 0, 1) (the reference form, not PyTorch's x/6 + 1/2).",
    formula: 'f(x) = clip(0.2x + 0.5, 0, 1);  f′(x) = 0.2 if −2.5 ≤ x ≤ 2.5, else 0',
    params: [],
    create: () =>
      pointwise(
        'hard-sigmoid',
        (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)),
        (x) => (x >= -2.5 && x <= 2.5 ? 0.2 : 0),
      ),
  },
  {
    name: 'log-sigmoid',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.LogSigmoid()'),
      // log σ(x) = −softplus(−x).
      onnx: (g, x) => g.op('Neg', [onnxSoftplus(g, g.op('Neg', [x]))]),
    },
    summary: 'Logarithm of the sigmoid, computed as −softplus(−x) so very negative inputs stay finite.',
    formula: 'f(x) = log σ(x) = −log(1 + e⁻ˣ);  f′(x) = 1/(1 + eˣ) = σ(−x)',
    params: [],
    create: () =>
      pointwise(
        'log-sigmoid',
        (x) => -softplus(-x),
        (x) => sigmoid(-x),
      ),
  },
  {
    name: 'tanh',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Tanh()'),
      onnx: (g, x) => g.op('Tanh', [x]),
    },
    summary: 'Hyperbolic tangent, squashing inputs into (−1, 1).',
    formula: 'f(x) = tanh x;  f′(x) = 1 − tanh² x',
    params: [],
    create: () => pointwise('tanh', Math.tanh, (_x, y) => 1 - y * y),
  },
  {
    name: 'tanh-shrink',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Tanhshrink()'),
      onnx: (g, x) => g.op('Sub', [x, g.op('Tanh', [x])]),
    },
    summary: 'The input minus its tanh: flat near zero, linear far out.',
    formula: 'f(x) = x − tanh x;  f′(x) = tanh² x',
    params: [],
    create: () =>
      pointwise(
        'tanh-shrink',
        (x) => x - Math.tanh(x),
        (x) => {
          const t = Math.tanh(x);
          return t * t;
        },
      ),
  },
  {
    name: 'hard-tanh',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Hardtanh(-1.0, 1.0)'),
      onnx: (g, x) => onnxClip(g, x, -1, 1),
    },
    summary: 'Clips inputs to [−1, 1].',
    formula: 'f(x) = clip(x, −1, 1);  f′(x) = 1 if −1 < x < 1, else 0',
    params: [],
    create: () =>
      pointwise(
        'hard-tanh',
        (x) => Math.min(1, Math.max(-1, x)),
        (x) => (x > -1 && x < 1 ? 1 : 0),
      ),
  },
];
