/**
 * What the webview persists with `vscode.setState` (restored after a window reload before the
 * host answers): the panel state plus the person's view choices. Anything read back is checked.
 */
import type { PanelState } from '../../src/protocol/panel';
import { clampSmoothing } from './smoothing';

/** The person's choices of how to show the charts. */
export interface ViewPrefs {
  logScale: boolean;
  /** Smoothing weight in [0, 0.99]. */
  smoothing: number;
}

/** TensorBoard's default smoothing. */
export const DEFAULT_PREFS: ViewPrefs = { logScale: false, smoothing: 0.6 };

/**
 * Everything saved with `setState`: the full `PanelState` at the top level (the host's panel serializer
 * reads it back after a window reload) plus the view preferences under `viewPrefs` (which the host ignores).
 */
export type PersistedView = PanelState & { viewPrefs: ViewPrefs };

/** The object to hand to `setState`. */
export function toPersisted(panel: PanelState, prefs: ViewPrefs): PersistedView {
  return { ...panel, viewPrefs: prefs };
}

/** Reads saved view prefs; missing or malformed fields fall back to the defaults. */
export function readPrefs(raw: unknown): ViewPrefs {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    logScale: typeof p.logScale === 'boolean' ? p.logScale : DEFAULT_PREFS.logScale,
    smoothing: typeof p.smoothing === 'number' ? clampSmoothing(p.smoothing) : DEFAULT_PREFS.smoothing,
  };
}

/** True when `raw` looks like a saved panel state (the fields rendering relies on are present and typed). */
function isPanelState(raw: unknown): raw is PanelState {
  if (typeof raw !== 'object' || raw === null) return false;
  const s = raw as Record<string, unknown>;
  return (
    typeof s.fileName === 'string' &&
    typeof s.phase === 'string' &&
    typeof s.hasValidation === 'boolean' &&
    Array.isArray(s.problems) &&
    Array.isArray(s.history)
  );
}

/** Reads what `getState` returned; undefined when there is nothing usable. Older states gain the newer fields. */
export function fromPersisted(raw: unknown): { panel: PanelState; prefs: ViewPrefs } | undefined {
  if (!isPanelState(raw)) return undefined;
  const { viewPrefs, ...rest } = raw as PanelState & { viewPrefs?: unknown };
  const panel: PanelState = {
    ...rest,
    runs: Array.isArray(rest.runs) ? rest.runs : [],
    activations: Array.isArray(rest.activations) ? rest.activations : [],
  };
  return { panel, prefs: readPrefs(viewPrefs) };
}
