/**
 * ONNX building blocks several activations' ONNX forms share (written with standard operators of the
 * default domain, opset ≥ 17).
 */
import type { OnnxGraphBuilder } from './onnx-graph';

/** softplus(x) = max(x, 0) + log(1 + e^(−|x|)): the stable form (ONNX Softplus is log(eˣ + 1), which overflows). */
export function onnxSoftplus(g: OnnxGraphBuilder, x: string): string {
  const tail = g.op('Log', [g.op('Add', [g.scalar(1), g.op('Exp', [g.op('Neg', [g.op('Abs', [x])])])])]);
  return g.op('Add', [g.op('Relu', [x]), tail]);
}

/** x · σ(βx). */
export function onnxSwish(g: OnnxGraphBuilder, x: string, beta: number): string {
  const z = beta === 1 ? x : g.op('Mul', [x, g.scalar(beta)]);
  return g.op('Mul', [x, g.op('Sigmoid', [z])]);
}

/** Clip(x, lo, hi). */
export function onnxClip(g: OnnxGraphBuilder, x: string, lo: number, hi: number): string {
  return g.op('Clip', [x, g.scalar(lo), g.scalar(hi)]);
}
