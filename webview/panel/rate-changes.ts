/**
 * Whether the panel shows its learning-rate chart (pure, so it is unit-tested without the DOM).
 */
import type { EpochReport } from '../../src/core/train/types';

/** True when the run's rate changed (a schedule is at work): the first and the latest epoch's rates differ. O(1). */
export function rateChanges(history: readonly EpochReport[]): boolean {
  const first = history[0]?.lr,
    last = history[history.length - 1]?.lr;
  return first !== undefined && last !== undefined && first !== last;
}
