/**
 * When an edit of a config retrains it (pure, so it is unit-tested): the `nnLab.liveTraining` mode,
 * what happened (typing or saving), and the estimated cost of the model against `nnLab.liveTrainingMaxCost`.
 */

/** The `nnLab.liveTraining` setting. */
export type LiveMode = 'onType' | 'onSave' | 'off';

/** What changed the config. */
export type LiveTrigger = 'type' | 'save';

/** Default of `nnLab.liveTrainingMaxCost`: parameters × samples × epochs (about a few seconds of training). */
export const DEFAULT_MAX_COST = 20_000_000;
/** Default of `nnLab.liveTrainingDelay`, in milliseconds. */
export const DEFAULT_DELAY_MS = 400;

/** Reads the mode setting, falling back to `onType` for anything unknown. */
export function toLiveMode(value: unknown): LiveMode {
  return value === 'onSave' || value === 'off' ? value : 'onType';
}

/**
 * True when `trigger` should restart the run. `cost` is the estimate from the config's previous run
 * (parameters × samples × epochs), undefined when it never started; unknown costs count as small.
 * Big models retrain on save only, whatever the mode (except `off`).
 */
export function shouldRetrain(mode: LiveMode, trigger: LiveTrigger, cost: number | undefined, maxCost: number): boolean {
  if (mode === 'off') return false;
  if (trigger === 'save') return true;
  if (mode === 'onSave') return false;
  return cost === undefined || cost <= maxCost;
}
