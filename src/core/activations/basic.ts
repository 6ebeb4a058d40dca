/**
 * Piecewise-linear and shrinkage activations: step, identity, bent-identity,
 * hard-shrink, soft-shrink, threshold.
 *
 * Derivative conventions at kinks (PyTorch's where it has the function):
 * step' = 0 everywhere; hard/soft-shrink' = 0 on the closed interval [−λ, λ];
 * threshold' = 0 for x ≤ threshold.
 */
import { pointwiseModule, torchModule } from '../export/forms';
import { pyFloat } from '../export/pytorch/python-text';
import { ActivationEntry } from './activation';
import { pointwise } from './pointwise';

/** Registry entries for the basic activations, in the reference's order. */
export const BASIC_ACTIVATIONS: ActivationEntry[] = [
  {
    name: 'step',
    init: 'xavier',
    export: {
      pytorch: () => pointwiseModule('step', 'Step'),
      // [x > 0] as 0/1.
      onnx: (g, x) => g.op('Cast', [g.op('Greater', [x, g.scalar(0)])], { to: 1 }, ['to']),
    },
    summary: 'Heaviside step: 1 for positive inputs, else 0; its gradient is zero everywhere.',
    formula: 'f(x) = 1 if x > 0, else 0;  f′(x) = 0',
    params: [],
    // f(x) = [x > 0]; f'(x) = 0
    create: () =>
      pointwise(
        'step',
        (x) => (x > 0 ? 1 : 0),
        () => 0,
      ),
  },
  {
    name: 'identity',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Identity()'),
      onnx: (g, x) => g.op('Identity', [x]),
    },
    summary: 'Passes its input through unchanged (a linear output layer).',
    formula: 'f(x) = x;  f′(x) = 1',
    params: [],
    create: () =>
      pointwise(
        'identity',
        (x) => x,
        () => 1,
      ),
  },
  {
    name: 'bent-identity',
    init: 'xavier',
    export: {
      pytorch: () => pointwiseModule('bent_identity', 'BentIdentity'),
      // (√(x² + 1) − 1)/2 + x, written as x²/(2(√(x² + 1) + 1)) + x: no cancellation near 0.
      onnx: (g, x) => {
        const x2 = g.op('Mul', [x, x]);
        const denom = g.op('Add', [g.op('Sqrt', [g.op('Add', [x2, g.scalar(1)])]), g.scalar(1)]);
        return g.op('Add', [g.op('Div', [g.op('Mul', [x2, g.scalar(0.5)]), denom]), x]);
      },
    },
    summary: 'A smooth, unbounded curve that bends the identity slightly upwards.',
    formula: 'f(x) = (√(x² + 1) − 1)/2 + x;  f′(x) = x/(2√(x² + 1)) + 1',
    params: [],
    create: () =>
      pointwise(
        'bent-identity',
        // √(x²+1) − 1 = x²/(√(x²+1) + 1): no cancellation near 0; hypot avoids overflow of x².
        (x) => {
          const r = Math.hypot(x, 1);
          return Math.abs(x) < 1 ? (0.5 * x * x) / (r + 1) + x : 0.5 * (r - 1) + x;
        },
        (x) => (0.5 * x) / Math.hypot(x, 1) + 1,
      ),
  },
  {
    name: 'hard-shrink',
    init: 'xavier',
    export: {
      pytorch: (p) => torchModule(`nn.Hardshrink(${pyFloat(p.lambda)})`),
      // Shrink: x + bias if x < −λ, x − bias if x > λ, else 0.
      onnx: (g, x, p) => g.op('Shrink', [x], { lambd: p.lambda, bias: 0 }),
    },
    summary: 'Zeroes inputs in [−λ, λ] and passes the rest unchanged.',
    formula: 'f(x) = x if |x| > λ, else 0;  f′(x) = 1 if |x| > λ, else 0',
    params: [{ name: 'lambda', default: 0.5, min: 0, doc: 'Half-width λ of the dead zone [−λ, λ].' }],
    create: ({ lambda }) =>
      pointwise(
        'hard-shrink',
        (x) => (x < -lambda || x > lambda ? x : 0),
        (x) => (x < -lambda || x > lambda ? 1 : 0),
      ),
  },
  {
    name: 'soft-shrink',
    init: 'xavier',
    export: {
      pytorch: (p) => torchModule(`nn.Softshrink(${pyFloat(p.lambda)})`),
      // Shrink: x + bias if x < −λ, x − bias if x > λ, else 0.
      onnx: (g, x, p) => g.op('Shrink', [x], { lambd: p.lambda, bias: p.lambda }),
    },
    summary: 'Zeroes inputs in [−λ, λ] and moves the rest λ towards zero.',
    formula: 'f(x) = x − λ if x > λ;  x + λ if x < −λ;  0 otherwise;  f′(x) = 1 if |x| > λ, else 0',
    params: [{ name: 'lambda', default: 0.5, min: 0, doc: 'Shrinkage λ (≥ 0).' }],
    create: ({ lambda }) =>
      pointwise(
        'soft-shrink',
        (x) => (x > lambda ? x - lambda : x < -lambda ? x + lambda : 0),
        (x) => (x < -lambda || x > lambda ? 1 : 0),
      ),
  },
  {
    name: 'threshold',
    init: 'xavier',
    export: {
      pytorch: (p) => torchModule(`nn.Threshold(${pyFloat(p.threshold)}, ${pyFloat(p.value)})`),
      // x if x > threshold, else value.
      onnx: (g, x, p) => g.op('Where', [g.op('Greater', [x, g.scalar(p.threshold)]), x, g.scalar(p.value)]),
    },
    summary:
      'Passes inputs above the threshold and replaces the rest by a constant. ' +
      'The reference had no defaults (creating it by name failed); here threshold = 0 and value = 0, which is ReLU.',
    formula: 'f(x) = x if x > threshold, else value;  f′(x) = 1 if x > threshold, else 0',
    params: [
      { name: 'threshold', default: 0, doc: 'Inputs above this pass through (default 0).' },
      { name: 'value', default: 0, doc: 'What inputs at or below the threshold become (default 0).' },
    ],
    create: ({ threshold, value }) =>
      pointwise(
        'threshold',
        (x) => (x > threshold ? x : value),
        (x) => (x > threshold ? 1 : 0),
      ),
  },
];
