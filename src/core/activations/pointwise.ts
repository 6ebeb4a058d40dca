/**
 * Helpers shared by the activation families: turning a scalar function and its
 * derivative into the `Activation` interface, shape checks, and stable scalar maths
 * (sigmoid, softplus, sech²) that the families build on.
 */
import type { FloatArray } from '../linalg/float-array';
import { NnError } from '../problems';
import { Activation } from './activation';

/** A scalar function y = f(x). */
export type ScalarFn = (x: number) => number;
/** A scalar derivative f'(x); `y` = f(x) is passed so cheap forms like y(1 − y) can use it. */
export type ScalarDerivative = (x: number, y: number) => number;

/** The number of columns to use: `cols` if given, else all of x (one row). Throws when it does not divide x. */
export function resolveCols(length: number, cols?: number): number {
  const c = cols ?? length;
  if (length === 0) return c > 0 ? c : 1;
  if (!Number.isInteger(c) || c <= 0 || length % c !== 0)
    throw new NnError(`activation: cols must be a positive divisor of the array length ${length}, got ${c}`);
  return c;
}

/** Throws unless `a` holds `n` numbers (not variadic, so the hot path allocates nothing). */
export function checkLength(what: string, n: number, a: FloatArray): void {
  if (a.length !== n) throw new NnError(`${what}: array lengths differ (${n} vs ${a.length})`);
}

/**
 * Builds an elementwise activation from f, f' and optionally f''.
 * Backward is dx_i = f'(x_i, y_i) · dy_i; `forwardInto` may write over x itself.
 */
export function pointwise(name: string, f: ScalarFn, df: ScalarDerivative, d2f?: ScalarFn): Activation {
  const forwardInto = (x: FloatArray, out: FloatArray): void => {
    checkLength(name, x.length, out);
    for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  };
  const backwardInto = (x: FloatArray, y: FloatArray, dy: FloatArray, out: FloatArray): void => {
    checkLength(name, x.length, y);
    checkLength(name, x.length, dy);
    checkLength(name, x.length, out);
    for (let i = 0; i < x.length; i++) out[i] = df(x[i], y[i]) * dy[i];
  };
  const act: Activation = {
    name,
    pointwise: true,
    forwardInto,
    backwardInto,
    forward(x: FloatArray, cols?: number): Float64Array {
      resolveCols(x.length, cols);
      const out = new Float64Array(x.length);
      forwardInto(x, out);
      return out;
    },
    backward(x: FloatArray, y: FloatArray, dy: FloatArray, cols?: number): Float64Array {
      resolveCols(x.length, cols);
      const out = new Float64Array(x.length);
      backwardInto(x, y, dy, out);
      return out;
    },
  };
  if (d2f) {
    act.d2y = (x: FloatArray): Float64Array => {
      const out = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) out[i] = d2f(x[i]);
      return out;
    };
  }
  return act;
}

/** Logistic sigmoid σ(x) = 1/(1 + e^−x), evaluated as e^x/(1 + e^x) for x < 0 so e^(−x) never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)·σ(−x) = e^−|x| / (1 + e^−|x|)², accurate for every x (no 1 − σ cancellation). */
export function sigmoidSlope(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return e / ((1 + e) * (1 + e));
}

/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^−|x|), finite for every finite x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** sech²(u) = 1 − tanh²(u) = 4e^−2|u| / (1 + e^−2|u|)², without the cancellation of 1 − tanh². */
export function sech2(u: number): number {
  const e = Math.exp(-2 * Math.abs(u));
  return (4 * e) / ((1 + e) * (1 + e));
}
