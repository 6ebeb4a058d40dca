/**
 * Row-wise activations: softmax, softmin, log-softmax. Each row of `cols` entries is one
 * sample and is normalised on its own; the row maximum (minimum for softmin) is subtracted
 * before exponentiating, so no input overflows. Backward passes are full vector–Jacobian
 * products over the row (not the Jacobian diagonal the reference returned).
 */
import type { FloatArray } from '../linalg/float-array';
import { torchModule } from '../export/forms';
import { Activation, ActivationEntry } from './activation';
import { checkLength, resolveCols } from './pointwise';

type RowForward = (x: FloatArray, out: FloatArray, start: number, end: number) => void;
type RowBackward = (y: FloatArray, dy: FloatArray, out: FloatArray, start: number, end: number) => void;

/** softmax over x[start:end] scaled by `sign` (±1): y_i = e^(s·x_i − m) / Σ_j e^(s·x_j − m), m = max_j s·x_j. */
function signedSoftmaxRow(sign: number, x: FloatArray, out: FloatArray, start: number, end: number): void {
  let m = -Infinity;
  for (let i = start; i < end; i++) m = Math.max(m, sign * x[i]);
  let s = 0;
  for (let i = start; i < end; i++) {
    const e = Math.exp(sign * x[i] - m);
    out[i] = e;
    s += e;
  }
  for (let i = start; i < end; i++) out[i] /= s;
}

/** VJP of softmax(s·x): dx_i = s·y_i (g_i − Σ_j g_j y_j). */
function signedSoftmaxVjpRow(sign: number, y: FloatArray, g: FloatArray, out: FloatArray, start: number, end: number): void {
  let dot = 0;
  for (let i = start; i < end; i++) dot += g[i] * y[i];
  for (let i = start; i < end; i++) out[i] = sign * y[i] * (g[i] - dot);
}

/** log-softmax: y_i = x_i − logsumexp(x) with logsumexp(x) = m + log Σ_j e^(x_j − m). */
function logSoftmaxRow(x: FloatArray, out: FloatArray, start: number, end: number): void {
  let m = -Infinity;
  for (let i = start; i < end; i++) m = Math.max(m, x[i]);
  let s = 0;
  for (let i = start; i < end; i++) s += Math.exp(x[i] - m);
  const lse = m + Math.log(s);
  for (let i = start; i < end; i++) out[i] = x[i] - lse;
}

/** VJP of log-softmax: dx_i = g_i − softmax(x)_i · Σ_j g_j, with softmax(x)_i = e^(y_i). */
function logSoftmaxVjpRow(y: FloatArray, g: FloatArray, out: FloatArray, start: number, end: number): void {
  let sum = 0;
  for (let i = start; i < end; i++) sum += g[i];
  for (let i = start; i < end; i++) out[i] = g[i] - Math.exp(y[i]) * sum;
}

/** Builds a row-wise activation from per-row forward and VJP kernels. */
function rowwise(name: string, fwd: RowForward, vjp: RowBackward): Activation {
  const forwardInto = (x: FloatArray, out: FloatArray, cols: number): void => {
    checkLength(name, x.length, out);
    const c = resolveCols(x.length, cols);
    for (let start = 0; start < x.length; start += c) fwd(x, out, start, start + c);
  };
  const backwardInto = (x: FloatArray, y: FloatArray, dy: FloatArray, out: FloatArray, cols: number): void => {
    checkLength(name, x.length, y);
    checkLength(name, x.length, dy);
    checkLength(name, x.length, out);
    const c = resolveCols(x.length, cols);
    for (let start = 0; start < x.length; start += c) vjp(y, dy, out, start, start + c);
  };
  return {
    name,
    pointwise: false,
    forwardInto,
    backwardInto,
    forward(x: FloatArray, cols?: number): Float64Array {
      const out = new Float64Array(x.length);
      forwardInto(x, out, resolveCols(x.length, cols));
      return out;
    },
    backward(x: FloatArray, y: FloatArray, dy: FloatArray, cols?: number): Float64Array {
      const out = new Float64Array(x.length);
      backwardInto(x, y, dy, out, resolveCols(x.length, cols));
      return out;
    },
  };
}

/** Registry entries for the row-wise family, in the reference's order. */
export const SOFTMAX_ACTIVATIONS: ActivationEntry[] = [
  {
    name: 'softmax',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Softmax(dim=-1)'),
      onnx: (g, x) => g.op('Softmax', [x], { axis: -1 }, ['axis']),
    },
    summary: "Turns each sample's outputs into probabilities summing to 1; pair it with the Cross loss.",
    formula: 'yᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m), m = maxⱼ xⱼ (per row);  VJP: dxᵢ = yᵢ(gᵢ − Σⱼ gⱼyⱼ)',
    params: [],
    create: () =>
      rowwise(
        'softmax',
        (x, out, s, e) => signedSoftmaxRow(1, x, out, s, e),
        (y, g, out, s, e) => signedSoftmaxVjpRow(1, y, g, out, s, e),
      ),
  },
  {
    name: 'softmin',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.Softmin(dim=-1)'),
      // softmax(−x).
      onnx: (g, x) => g.op('Softmax', [g.op('Neg', [x])], { axis: -1 }, ['axis']),
    },
    summary: 'softmax of −x: probabilities that favour the smallest inputs.',
    formula: 'yᵢ = e^(−xᵢ) / Σⱼ e^(−xⱼ) (per row, stabilised);  VJP: dxᵢ = −yᵢ(gᵢ − Σⱼ gⱼyⱼ)',
    params: [],
    create: () =>
      rowwise(
        'softmin',
        (x, out, s, e) => signedSoftmaxRow(-1, x, out, s, e),
        (y, g, out, s, e) => signedSoftmaxVjpRow(-1, y, g, out, s, e),
      ),
  },
  {
    name: 'log-softmax',
    init: 'xavier',
    export: {
      pytorch: () => torchModule('nn.LogSoftmax(dim=-1)'),
      // (x − m) − log Σ e^(x − m), m = the row's max: written out because LogSoftmax may be log(softmax),
      // which is −∞ where softmax underflows (ONNX's reference evaluator computes it so).
      onnx: (g, x) => {
        const shifted = g.op('Sub', [x, g.reduce('ReduceMax', x, [-1], true)]);
        return g.op('Sub', [shifted, g.op('Log', [g.reduce('ReduceSum', g.op('Exp', [shifted]), [-1], true)])]);
      },
    },
    summary: 'Logarithm of softmax, computed as x − logsumexp(x) per row so it never overflows.',
    formula: 'yᵢ = xᵢ − log Σⱼ e^(xⱼ) (per row, stabilised);  VJP: dxᵢ = gᵢ − softmax(x)ᵢ Σⱼ gⱼ',
    params: [],
    create: () => rowwise('log-softmax', logSoftmaxRow, logSoftmaxVjpRow),
  },
];
