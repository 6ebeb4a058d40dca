/**
 * Divergence ends a run, with a message that names the epoch and suggests a smaller learning
 * rate by the optimizer's own parameter name (and `eps` when it is 0). A run has diverged when
 *   - a batch loss is not finite (NaN or ±Infinity), or
 *   - an epoch's loss exceeds DIVERGENCE_FACTOR × the first epoch's loss (10⁶ ×, the first
 *     epoch's loss counted as at least MIN_REFERENCE_LOSS), or
 *   - a weight leaves [−MAX_WEIGHT, MAX_WEIGHT] (10¹²) or becomes NaN: with a saturating output
 *     (tanh, sigmoid) such weights keep the loss finite while the model has stopped learning.
 */
import type { FloatArray } from '../linalg/float-array';
import type { ResolvedNamed } from '../config/types';
import { optimizerRegistry } from '../optimizers';

/** An epoch loss above this multiple of the first epoch's loss is divergence. */
export const DIVERGENCE_FACTOR = 1e6;

/** The first epoch's loss is counted as at least this much (a perfect first epoch is no yardstick). */
export const MIN_REFERENCE_LOSS = 1e-6;

/** Largest magnitude a weight may reach before the run counts as diverged. */
export const MAX_WEIGHT = 1e12;

/** True when an epoch loss of `loss` means divergence, given the first epoch's loss. */
export function lossExploded(loss: number, firstLoss: number): boolean {
  return !Number.isFinite(loss) || loss > DIVERGENCE_FACTOR * Math.max(firstLoss, MIN_REFERENCE_LOSS);
}

/** Names the optimizers use for their learning rate, in order of preference. */
const LEARNING_RATE_NAMES = ['eta', 'alpha', 'lr'];

/** A suggested smaller value: a tenth of `v`, with at most 3 significant digits. */
function tenth(v: number): number {
  return Number((v / 10).toPrecision(3));
}

/** The learning-rate parameter of an optimizer and its value (defaults filled in), if it has one. */
export function learningRateOf(optimizer: ResolvedNamed): { param: string; value: number; optimizer: string; default?: number } | undefined {
  const entry = optimizerRegistry.entry(optimizer.name);
  const params = optimizerRegistry.resolveParams(entry.name, optimizer.params);
  for (const name of LEARNING_RATE_NAMES) {
    if (Object.hasOwn(params, name) && typeof params[name] === 'number') {
      const fallback = entry.params.find((p) => p.name === name)?.default;
      return { param: name, value: params[name], optimizer: entry.name, ...(fallback !== undefined ? { default: fallback } : {}) };
    }
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
    ? `Try a smaller learning rate (${lr.optimizer}.${lr.param} is ${lr.value}; try ${lr.default !== undefined && lr.value > 1e4 * lr.default ? `its default ${lr.default}` : tenth(lr.value)}).`
    : 'Try a smaller learning rate or other optimizer settings, or standardise the inputs.';
  const eps = ['eps', 'epsilon', 'lambda'].find((k) => optimizer.params[k] === 0);
  const epsHint = eps ? ` ${optimizer.name}.${eps} is 0, which lets a zero denominator through: leave it at its default.` : '';
  return `Training diverged at epoch ${epoch} (${what}). ${hint}${epsHint}`;
}

/** Describes a non-finite number for messages: "NaN", "Infinity" or "-Infinity". */
export function describeNonFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN' : String(v);
}

/** The first weight that is NaN or beyond ±`limit` (MAX_WEIGHT), or undefined when all are within. */
export function firstRunaway(arrays: readonly FloatArray[], limit = MAX_WEIGHT): number | undefined {
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      // False for NaN as well as for |x| > limit.
      if (!(a[i] <= limit && a[i] >= -limit)) return a[i];
    }
  }
  return undefined;
}

/** How a runaway weight is described: "a weight became NaN", "a weight reached 3.2e+15". */
export function describeRunaway(v: number): string {
  return Number.isFinite(v) ? `a weight reached ${v.toPrecision(2)}` : `a weight became ${describeNonFinite(v)}`;
}
