/**
 * What the training controller keeps per config and what a run reports back: shared by the controller
 * and the run reporter (kept apart so neither imports the other).
 */
import type * as vscode from 'vscode';
import type { ModelWeightsJson } from '../../core/model/weights-json';
import { formatPath, type Problem } from '../../core/problems';
import type { ProblemView, RunPhase } from '../../protocol/panel';
import type { TrainingPanel } from '../panel/training-panel';
import type { RunHistory } from '../../protocol/view/run-history';
import type { TrainingSession } from '../../node/training/training-session';

/** How a `Train Model` command ended (also its return value, which tests use). */
export interface TrainOutcome {
  status: RunPhase;
  message?: string;
  /** Epochs reported. */
  epochs: number;
  firstLoss?: number;
  lastLoss?: number;
  problems: ProblemView[];
  /** The run's label, e.g. "#2 · Adam · tanh" (once it started). */
  runLabel?: string;
}

/** A problem as the panel lists it. */
export function toProblemView(p: Problem): ProblemView {
  return { where: formatPath(p.path), message: p.message, severity: p.severity };
}

/** The last trained model of a config, for "Export Trained Model". */
export interface TrainedModel {
  /** The config text that was trained. */
  text: string;
  weights: ModelWeightsJson;
  status: RunPhase;
  epochs: number;
  finalLoss?: number;
  digest: string;
}

/** Everything kept about one config file. */
export interface ConfigRuns {
  uri: vscode.Uri;
  fileName: string;
  panel?: TrainingPanel;
  session?: TrainingSession;
  history: RunHistory;
  /** Incremented by every train request: a request overtaken while it waited gives way. */
  requests: number;
  trained?: TrainedModel;
  /** parameters × samples × epochs of the last run that started (for live retraining). */
  cost?: number;
  /** The text of the latest train request. */
  lastText?: string;
}
