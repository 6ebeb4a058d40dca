/**
 * Divergence: a non-finite batch loss or weight ends a run, with a message that names the
 * epoch and suggests a smaller learning rate by the optimizer's own parameter name.
 */
import type { ResolvedNamed } from '../config/types';
import { optimizerRegistry } from '../optimizers';

/** Names the optimizers use for their learning rate, in order of preference. */
const LEARNING_RATE_NAMES = ['eta', 'alpha', 'lr'];

/** A suggested smaller value: a tenth of `v`, with at most 3 significant digits. */
function tenth(v: number): number {
  return Number((v / 10).toPrecision(3));
}

/** The learning-rate parameter of an optimizer and its value (defaults filled in), if it has one. */
export function learningRateOf(optimizer: ResolvedNamed): { param: string; value: number; optimizer: string } | undefined {
  const entry = optimizerRegistry.entry(optimizer.name);
  const params = optimizerRegistry.resolveParams(entry.name, optimizer.params);
  for (const name of LEARNING_RATE_NAMES) {
    if (typeof params[name] === 'number') return { param: name, value: params[name], optimizer: entry.name };
  }
  return undefined;
}

/**
 * The message of a diverged run, e.g. "Training diverged at epoch 12 (loss became NaN).
 * Try a smaller learning rate (Adam.alpha is 0.5; try 0.05)." `what` names what went bad.
 */
export function divergenceMessage(epoch: number, what: string, optimizer: ResolvedNamed): string {
  const lr = learningRateOf(optimizer);
  const hint = lr
    ? `Try a smaller learning rate (${lr.optimizer}.${lr.param} is ${lr.value}; try ${tenth(lr.value)}).`
    : 'Try a smaller learning rate or other optimizer settings, or standardise the inputs.';
  return `Training diverged at epoch ${epoch} (${what}). ${hint}`;
}

/** Describes a non-finite number for messages: "NaN", "Infinity" or "-Infinity". */
export function describeNonFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN' : String(v);
}

/** The first non-finite weight's value, or undefined when all are finite. */
export function firstNonFinite(arrays: readonly Float64Array[]): number | undefined {
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      // x − x is 0 for finite x and NaN for NaN and ±Infinity.
      if (a[i] - a[i] !== 0) return a[i];
    }
  }
  return undefined;
}
