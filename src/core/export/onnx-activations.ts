/**
 * NN Lab's 26 activations as standard ONNX operators (default domain, opset ≥ 17), each matching the
 * core's definition in src/core/activations/ exactly, parameters included. Inputs are [N, units];
 * the row-wise ones (softmax, softmin, log-softmax) normalise along the last axis.
 */
import { NnError } from '../problems';
import type { OnnxGraphBuilder } from './onnx-graph';

/** Emits the nodes computing y = f(x) for the tensor named `x`; returns the name of y. */
export type OnnxActivation = (g: OnnxGraphBuilder, x: string, params: Record<string, number>) => string;

/** softplus(x) = max(x, 0) + log(1 + e^(−|x|)): the stable form (ONNX Softplus is log(eˣ + 1), which overflows). */
function softplus(g: OnnxGraphBuilder, x: string): string {
  const tail = g.op('Log', [g.op('Add', [g.scalar(1), g.op('Exp', [g.op('Neg', [g.op('Abs', [x])])])])]);
  return g.op('Add', [g.op('Relu', [x]), tail]);
}

/** x · σ(βx). */
function swish(g: OnnxGraphBuilder, x: string, beta: number): string {
  const z = beta === 1 ? x : g.op('Mul', [x, g.scalar(beta)]);
  return g.op('Mul', [x, g.op('Sigmoid', [z])]);
}

/** Clip(x, lo, hi). */
function clip(g: OnnxGraphBuilder, x: string, lo: number, hi: number): string {
  return g.op('Clip', [x, g.scalar(lo), g.scalar(hi)]);
}

/** ONNX emitters by NN Lab activation name (every name of the activation registry). */
export const ONNX_ACTIVATIONS: Readonly<Record<string, OnnxActivation>> = {
  // [x > 0] as 0/1.
  step: (g, x) => g.op('Cast', [g.op('Greater', [x, g.scalar(0)])], { to: 1 }, ['to']),
  identity: (g, x) => g.op('Identity', [x]),
  // (√(x² + 1) − 1)/2 + x, written as x²/(2(√(x² + 1) + 1)) + x: no cancellation near 0.
  'bent-identity': (g, x) => {
    const x2 = g.op('Mul', [x, x]);
    const denom = g.op('Add', [g.op('Sqrt', [g.op('Add', [x2, g.scalar(1)])]), g.scalar(1)]);
    return g.op('Add', [g.op('Div', [g.op('Mul', [x2, g.scalar(0.5)]), denom]), x]);
  },
  // Shrink: x + bias if x < −λ, x − bias if x > λ, else 0.
  'hard-shrink': (g, x, p) => g.op('Shrink', [x], { lambd: p.lambda, bias: 0 }),
  'soft-shrink': (g, x, p) => g.op('Shrink', [x], { lambd: p.lambda, bias: p.lambda }),
  // x if x > threshold, else value.
  threshold: (g, x, p) => g.op('Where', [g.op('Greater', [x, g.scalar(p.threshold)]), x, g.scalar(p.value)]),
  sigmoid: (g, x) => g.op('Sigmoid', [x]),
  // HardSigmoid = max(0, min(1, αx + β)) with NN Lab's α = 0.2, β = 0.5.
  'hard-sigmoid': (g, x) => g.op('HardSigmoid', [x], { alpha: 0.2, beta: 0.5 }),
  // log σ(x) = −softplus(−x).
  'log-sigmoid': (g, x) => g.op('Neg', [softplus(g, g.op('Neg', [x]))]),
  tanh: (g, x) => g.op('Tanh', [x]),
  'tanh-shrink': (g, x) => g.op('Sub', [x, g.op('Tanh', [x])]),
  'hard-tanh': (g, x) => clip(g, x, -1, 1),
  ReLU: (g, x) => g.op('Relu', [x]),
  ReLU6: (g, x) => clip(g, x, 0, 6),
  // LeakyRelu: x if x ≥ 0, else αx (the same value at 0).
  'leaky-ReLU': (g, x, p) => g.op('LeakyRelu', [x], { alpha: p.alpha }),
  // Elu: x if x ≥ 0, else α(eˣ − 1).
  ELU: (g, x, p) => g.op('Elu', [x], { alpha: p.alpha }),
  // Selu: γx if x > 0, else γα(eˣ − 1), with NN Lab's λ as γ.
  SELU: (g, x, p) => g.op('Selu', [x], { alpha: p.alpha, gamma: p.lambda }),
  // Celu: max(0, x) + min(0, α(e^(x/α) − 1)).
  CELU: (g, x, p) => g.op('Celu', [x], { alpha: p.alpha }),
  softmax: (g, x) => g.op('Softmax', [x], { axis: -1 }, ['axis']),
  // softmax(−x).
  softmin: (g, x) => g.op('Softmax', [g.op('Neg', [x])], { axis: -1 }, ['axis']),
  // (x − m) − log Σ e^(x − m), m = the row's max: written out because LogSoftmax may be log(softmax),
  // which is −∞ where softmax underflows (ONNX's reference evaluator computes it so).
  'log-softmax': (g, x) => {
    const shifted = g.op('Sub', [x, g.reduce('ReduceMax', x, [-1], true)]);
    return g.op('Sub', [shifted, g.op('Log', [g.reduce('ReduceSum', g.op('Exp', [shifted]), [-1], true)])]);
  },
  softplus: (g, x) => softplus(g, x),
  // Softsign: x/(1 + |x|).
  softsign: (g, x) => g.op('Softsign', [x]),
  Swish: (g, x, p) => swish(g, x, p.beta),
  // x · tanh(softplus(x)) (ONNX Mish needs opset 18 and uses the overflowing softplus).
  Mish: (g, x) => g.op('Mul', [x, g.op('Tanh', [softplus(g, x)])]),
  // x · tanh(eˣ): eˣ = +∞ gives tanh = 1, eˣ = 0 gives 0.
  tanhExp: (g, x) => g.op('Mul', [x, g.op('Tanh', [g.op('Exp', [x])])]),
};

/** Emits activation `name` with `params` on tensor `x`; throws NnError for a name without an ONNX form. */
export function emitActivation(g: OnnxGraphBuilder, name: string, params: Record<string, number>, x: string): string {
  const emit = Object.prototype.hasOwnProperty.call(ONNX_ACTIVATIONS, name) ? ONNX_ACTIVATIONS[name] : undefined;
  if (!emit) throw new NnError(`activation ${name} has no ONNX form`);
  return emit(g, x, params);
}
