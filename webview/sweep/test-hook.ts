/**
 * A read-only window into the sweep panel for end-to-end tests, `window.__nnLabSweep`: the table's
 * rows as shown (sorted, filtered), how many runs pass the brushes, progress, the best run, the
 * brushes and where each parallel-coordinates axis is drawn. It hands out copies only.
 */
import type { SweepValue } from '../../src/core/sweep/sweep-types';
import type { SweepRowStatus } from '../../src/protocol/sweep';
import type { SweepBrush } from '../../src/protocol/view/sweep-view';
import type { AxisPlace } from './parallel-coords';

/** A table row as the hook reports it. */
export interface SweepHookRow {
  index: number;
  status: SweepRowStatus;
  parameters: Record<string, SweepValue>;
  /** The sweep's metric (mean over repeats), when the run has it. */
  metric: number | undefined;
}

/** What the hook reports. */
export interface SweepTestHook {
  rows(): SweepHookRow[];
  /** Rows inside every brush. */
  visible(): number;
  total(): number;
  done(): number;
  finished(): boolean;
  best(): number | undefined;
  brushes(): SweepBrush[];
  axes(): AxisPlace[];
  /** Pointer events the parallel-coordinates plot saw, and its drags that ended on an axis. */
  pointer(): { down: number; move: number; up: number; brushed: number };
  /** How many times the page has drawn. */
  draws(): number;
}

/** Installs the hook as a frozen `window.__nnLabSweep`. */
export function installSweepTestHook(hook: SweepTestHook): void {
  Object.defineProperty(window, '__nnLabSweep', { value: Object.freeze({ ...hook }), writable: false, configurable: false });
}
