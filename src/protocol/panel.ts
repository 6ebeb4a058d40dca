/**
 * Messages between the extension host and the training panel's webview.
 * One discriminated union per direction; receivers switch on `type` exhaustively, and everything
 * coming from the webview is validated with `parseWebviewMessage` before use (it is untrusted input).
 */
import type { EpochReport } from '../core/train/types';

/** Where a run is: before the worker answers, while training, or how it ended. */
export type RunPhase = 'starting' | 'running' | 'completed' | 'cancelled' | 'diverged' | 'invalid' | 'crashed';

/** A problem of the config as the panel shows it. */
export interface ProblemView {
  /** Where in the file, e.g. `layers[1].activation`. */
  where: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Everything the panel needs to redraw itself from scratch. */
export interface PanelState {
  /** The config's file name, e.g. `xor.nn.json`. */
  fileName: string;
  /** The model's name, once the config is read. */
  modelName?: string;
  /** Planned epochs, once known. */
  epochs?: number;
  hasValidation: boolean;
  phase: RunPhase;
  /** Why the run ended (divergence advice, crash message, ...). */
  message?: string;
  problems: ProblemView[];
  /** The current run's epochs: every one while it streams in, a decimated selection (last epoch exact) in a reset or saved state. */
  history: EpochReport[];
  /** The smallest finite training loss of the current run so far (kept as epochs arrive, so no scan is needed). */
  bestLoss?: number;
  /** Finished earlier runs of this config, newest last, at most 5. */
  runs: PastRun[];
  /** The activation functions the model uses. */
  activations: ActivationUse[];
  task?: 'classification' | 'regression';
  /** Wall clock (epoch ms) when the current run started. */
  startedAt?: number;
  /** What is inside the network at the latest epoch. */
  snapshot?: NetworkSnapshot;
  /** Label of the current run, e.g. "#3 · Adam · tanh". */
  runLabel?: string;
  /** The ended run's metrics on the `testData` set, when the config has one. */
  test?: TestMetrics;
  /** Early stopping: the best epoch of the ended run. */
  bestEpoch?: number;
  /** The epoch early stopping ended the run at, when it did. */
  stoppedEpoch?: number;
  /** The epoch whose weights the run ended with, when early stopping restored them. */
  restoredEpoch?: number;
}

/** A histogram: `counts[i]` values fell in [min + i·w, min + (i+1)·w), w = (max − min)/counts.length. */
export interface Histogram {
  min: number;
  max: number;
  counts: number[];
}
/** One layer at the latest epoch. */
export interface LayerSnapshot {
  label: string;
  activations: Histogram;
  weights: Histogram;
  /** Output shape of one sample, e.g. [16, 28, 28] (channels, height, width) or [10] (absent when unknown). */
  shape?: number[];
  /** Trainable numbers of the layer. */
  params?: number;
}
/**
 * The filters of the model's first conv2d layer: `shown` of its `filters` filters, each with `channels`
 * tiles of kh×kw weights. `values` holds W[f, c, i, j] for f < shown, row-major (f, then c, i, j);
 * `scale` = max |w| over them, so a tile's colour is w / scale ∈ [−1, 1] (0 when scale is 0).
 */
export interface FilterView {
  /** Index of the layer in the model. */
  layer: number;
  filters: number;
  shown: number;
  channels: number;
  kh: number;
  kw: number;
  values: number[];
  scale: number;
}
/** One conv2d layer's output for the probe image: `shown` of its `channels` channels, each h×w. */
export interface FeatureMapLayer {
  /** Index of the layer in the model. */
  layer: number;
  label: string;
  channels: number;
  shown: number;
  height: number;
  width: number;
  /** Range of the shown outputs: level q stands for min + q·(max − min)/255. */
  min: number;
  max: number;
  /** shown·h·w levels 0..255, channel by channel, row by row. */
  levels: number[];
}
/** What every conv2d layer makes of one fixed image (the probe): its outputs after the activation. */
export interface FeatureMaps {
  /**
   * The probe image as the model sees it, levels 0..255 over its own range, [channels, height, width]:
   * sample `index` of the `set`'s data, of class `label` (classifiers).
   */
  input: { shape: [number, number, number]; levels: number[]; set: 'test' | 'validation' | 'training'; index: number; label?: string };
  layers: FeatureMapLayer[];
}
/** The model's output over a grid of the 2-D input plane (only for 2 inputs). Row 0 is the top (y = yMax). */
export interface DecisionSurface {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Grid cells per side. */
  size: number;
  /** size·size values: P(class 1) for one output, else the arg-max class index (0..classes−1). */
  values: number[];
  classes: number;
  /** Up to ~500 training points: x, y and class index. */
  points: { x: number; y: number; c: number }[];
}
/** What is inside the network at `epoch` (classifiers: also how they err, see `ClassifierView`). */
export interface NetworkSnapshot extends Partial<ClassifierView> {
  epoch: number;
  layers: LayerSnapshot[];
  surface?: DecisionSurface;
  /** Convolutional models: the first conv2d layer's filters. */
  filters?: FilterView;
  /** Convolutional models: every conv2d layer's output for one fixed image. */
  featureMaps?: FeatureMaps;
}
/**
 * How a classifier errs, on the test set, else the validation split, else the training data (`set`).
 * `counts[i][j]`: samples of true class i predicted as j (periodic snapshots: at most 2,000 samples
 * spread over the set; the final one: all). `samples`: image sets only, up to 16, misclassified first,
 * grey levels 0..255 row by row.
 */
export interface ClassifierView {
  confusion: { labels: string[]; counts: number[][]; set: 'test' | 'validation' | 'training' };
  samples?: { shape: [number, number]; items: { pixels: number[]; label: number; predicted: number }[] };
}
/** An activation function a layer of the model uses, with its resolved parameters. */
export interface ActivationUse {
  layer: string;
  name: string;
  params: Record<string, number>;
}
/** A finished earlier run of the same config, shown faded for comparison (its history decimated, last epoch exact). */
export interface PastRun {
  id: number;
  label: string;
  history: EpochReport[];
}

/** Host → webview: replace everything shown (first load, reload, a new run). */
export interface ResetMessage {
  type: 'reset';
  state: PanelState;
}

/** Host → webview: the config is valid and training has begun. */
export interface StartedMessage {
  type: 'started';
  modelName: string;
  epochs: number;
  hasValidation: boolean;
  activations: ActivationUse[];
  task: 'classification' | 'regression';
  /** Wall clock (epoch ms) when the run started. */
  startedAt: number;
  runLabel: string;
}

/** Host → webview: epochs finished since the last message. */
export interface ProgressMessage {
  type: 'progress';
  reports: EpochReport[];
}

/** Host → webview: the run ended or could not start. */
export interface PhaseMessage {
  type: 'phase';
  phase: RunPhase;
  message?: string;
  problems?: ProblemView[];
  /** When the run ended: loss (and accuracy) on the `testData` set, for the model as it ended. */
  test?: TestMetrics;
  /** With early stopping: the best epoch by its metric. */
  bestEpoch?: number;
  /** The epoch early stopping ended the run at, when it did. */
  stoppedEpoch?: number;
  /** The epoch whose weights the run ended with, when early stopping restored them. */
  restoredEpoch?: number;
}

/** Loss and (classifiers) accuracy on the config's `testData` set. */
export interface TestMetrics {
  loss: number;
  accuracy?: number;
}

/** Host → webview: the network's insides at the latest epoch (at most every ~250 ms, and at the end). */
export interface SnapshotMessage {
  type: 'snapshot';
  snapshot: NetworkSnapshot;
}

/** Host → webview: the previous runs of this config (sent when a new run starts). */
export interface RunsMessage {
  type: 'runs';
  runs: PastRun[];
}

/** Everything the host sends to the webview. */
export type HostToWebview = ResetMessage | StartedMessage | ProgressMessage | PhaseMessage | SnapshotMessage | RunsMessage;

/** The envelope of every host → webview message: a sequence number the webview acknowledges in `rendered` (backpressure). */
export type SequencedHostMessage = HostToWebview & { seq: number };

/** The type tags of `HostToWebview`, for the webview's check of what arrives. */
export const HOST_TO_WEBVIEW_TYPES: readonly HostToWebview['type'][] = ['reset', 'started', 'progress', 'phase', 'snapshot', 'runs'];

/** Webview → host: the script has loaded; please send the state. */
export interface ReadyMessage {
  type: 'ready';
}

/** Webview → host: the person pressed Stop. */
export interface StopMessage {
  type: 'stop';
}

/**
 * Webview → host: the page drew everything up to host message `seq` (its acknowledgement: the host sends
 * more progress only when the page has caught up), and the chart now shows `points` epochs, the last being `epoch`.
 */
export interface RenderedMessage {
  type: 'rendered';
  points: number;
  epoch: number;
  /** The newest host message drawn (0 before any). */
  seq: number;
}

/** Webview → host: the Export… button: offer the formats (PyTorch script, ONNX, NN Lab model file) for the last trained run. */
export interface ExportMessage {
  type: 'export';
}

/** Webview → host: save the current run's full history as CSV through the save dialog (the host holds every epoch). */
export interface ExportCsvMessage {
  type: 'exportCsv';
}

/** Webview → host: the person pressed Train. */
export interface TrainMessage {
  type: 'train';
}

/** Webview → host: save `data` (CSV text, or a `data:image/png;base64,…` URL) through the save dialog. */
export interface SaveMessage {
  type: 'save';
  format: 'csv' | 'png';
  suggestedName: string;
  data: string;
}

/** Everything the webview sends to the host. */
export type WebviewToHost = ReadyMessage | StopMessage | RenderedMessage | TrainMessage | SaveMessage | ExportCsvMessage | ExportMessage;

/** True for a finite, non-negative integer. */
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * Validates a message received from the webview; returns undefined for anything malformed
 * (unknown type, missing or wrongly typed fields). Extra fields are dropped.
 */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'stop':
      return { type: 'stop' };
    case 'rendered':
      return isCount(m.points) && isCount(m.epoch) ? { type: 'rendered', points: m.points, epoch: m.epoch, seq: isCount(m.seq) ? m.seq : 0 } : undefined;
    case 'train':
      return { type: 'train' };
    case 'save':
      return parseSave(m);
    case 'exportCsv':
      return { type: 'exportCsv' };
    case 'export':
      return { type: 'export' };
    default:
      return undefined;
  }
}

/** Largest payload a `save` may carry (a PNG data URL of a big chart is a few MB). */
const MAX_SAVE_CHARS = 32 * 1024 * 1024;

/** Validates a `save` message: known format, a plain file name, data of the right kind. */
function parseSave(m: Record<string, unknown>): SaveMessage | undefined {
  const { format, suggestedName, data } = m;
  if (format !== 'csv' && format !== 'png') return undefined;
  if (typeof suggestedName !== 'string' || !/^[\w.\- ]{1,120}$/.test(suggestedName)) return undefined;
  if (typeof data !== 'string' || data.length > MAX_SAVE_CHARS) return undefined;
  if (format === 'png' && !data.startsWith('data:image/png;base64,')) return undefined;
  return { type: 'save', format, suggestedName, data };
}
