/**
 * Validates the state a training panel's webview saved (`vscode.setState`) before the host trusts
 * it after a window reload: anything malformed is dropped field by field, or the whole state refused.
 */
import type { EpochReport } from '../../core/train/types';
import type { ActivationUse, PanelState, PastRun, ProblemView, RunPhase } from '../panel';
import { PAST_RUNS_KEPT } from './run-history';
import { isConfigFile } from '../../core/config/file-names';

const PHASES: readonly RunPhase[] = ['starting', 'running', 'completed', 'cancelled', 'diverged', 'invalid', 'crashed'];
/** Epochs accepted per history (a guard against absurd saved states). */
const MAX_EPOCHS = 1_000_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** An epoch report with finite numbers, or undefined. Optional metrics are kept when they are numbers. */
function parseReport(v: unknown): EpochReport | undefined {
  if (!isObj(v) || !isNum(v.epoch) || !isNum(v.epochs) || typeof v.loss !== 'number') return undefined;
  const r: EpochReport = {
    epoch: v.epoch,
    epochs: v.epochs,
    loss: v.loss,
    elapsed: isNum(v.elapsed) ? v.elapsed : 0,
    samplesPerSecond: isNum(v.samplesPerSecond) ? v.samplesPerSecond : 0,
  };
  for (const k of ['valLoss', 'accuracy', 'valAccuracy', 'lr'] as const) if (typeof v[k] === 'number') r[k] = v[k] as number;
  return r;
}

/** A history, or undefined when any report is malformed. */
function parseHistory(v: unknown): EpochReport[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_EPOCHS) return undefined;
  const out: EpochReport[] = [];
  for (const item of v) {
    const r = parseReport(item);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

function parseProblem(v: unknown): ProblemView | undefined {
  if (!isObj(v) || !isStr(v.where) || !isStr(v.message) || (v.severity !== 'error' && v.severity !== 'warning')) return undefined;
  return { where: v.where, message: v.message, severity: v.severity };
}

function parseRun(v: unknown): PastRun | undefined {
  if (!isObj(v) || !isNum(v.id) || !isStr(v.label)) return undefined;
  const history = parseHistory(v.history);
  return history ? { id: v.id, label: v.label, history } : undefined;
}

function parseActivation(v: unknown): ActivationUse | undefined {
  if (!isObj(v) || !isStr(v.layer) || !isStr(v.name) || !isObj(v.params)) return undefined;
  const params: Record<string, number> = {};
  for (const [k, x] of Object.entries(v.params)) if (isNum(x)) params[k] = x;
  return { layer: v.layer, name: v.name, params };
}

/** Keeps the items that parse. */
function listOf<T>(v: unknown, parse: (item: unknown) => T | undefined): T[] {
  return Array.isArray(v) ? v.map(parse).filter((x): x is T => x !== undefined) : [];
}

/**
 * The panel state saved by the webview, or undefined when it is not one. A run that was going on
 * when the window closed cannot continue: it comes back as `cancelled`. The snapshot is not restored
 * (it is redrawn by the next run).
 */
export function parseRestoredState(raw: unknown): PanelState | undefined {
  if (!isObj(raw) || !isStr(raw.fileName) || !isConfigFile(raw.fileName) || /[\\/]/.test(raw.fileName)) return undefined;
  const history = parseHistory(raw.history);
  if (!history) return undefined;
  const saved = PHASES.includes(raw.phase as RunPhase) ? (raw.phase as RunPhase) : 'cancelled';
  const phase: RunPhase = saved === 'starting' || saved === 'running' ? 'cancelled' : saved;
  const state: PanelState = {
    fileName: raw.fileName,
    hasValidation: raw.hasValidation === true,
    phase,
    problems: listOf(raw.problems, parseProblem),
    history,
    runs: listOf(raw.runs, parseRun).slice(-PAST_RUNS_KEPT),
    activations: listOf(raw.activations, parseActivation),
  };
  if (isStr(raw.modelName)) state.modelName = raw.modelName;
  if (isNum(raw.epochs)) state.epochs = raw.epochs;
  if (isStr(raw.message)) state.message = raw.message;
  if (raw.task === 'classification' || raw.task === 'regression') state.task = raw.task;
  if (isNum(raw.startedAt)) state.startedAt = raw.startedAt;
  if (isStr(raw.runLabel)) state.runLabel = raw.runLabel;
  for (const k of ['bestEpoch', 'stoppedEpoch', 'restoredEpoch'] as const) if (isNum(raw[k])) state[k] = raw[k];
  return state;
}
