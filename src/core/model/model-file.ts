/**
 * The exported-model file ("Export Trained Model", read by `nn-lab predict` / `nn-lab train`):
 * the model description as written, its trained weights, and a summary of the training.
 */
import { checkWeightsJson, type ModelWeightsJson } from './weights-json';
import { formatPath, quote, type JsonPath } from '../problems';

/** What the training that produced the weights looked like. */
export interface TrainingSummary {
  status: string;
  epochs: number;
  finalLoss?: number;
  /** `prepareRun`'s digest of the config and data block. */
  digest: string;
  /** ISO time of the export. */
  exportedAt: string;
}

/** The file's contents. */
export interface ModelFile {
  format: 'nn-lab-model';
  version: 1;
  /** The `*.nn.json` description (parsed JSON). */
  config: unknown;
  weights: ModelWeightsJson;
  training: TrainingSummary;
}

/** Builds the file's contents. */
export function makeModelFile(config: unknown, weights: ModelWeightsJson, training: TrainingSummary): ModelFile {
  return { format: 'nn-lab-model', version: 1, config, weights, training };
}

/** True for a plain JSON object. */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `path: message` for a model-file problem. */
function at(path: JsonPath, message: string): string {
  return path.length ? `${formatPath(path)}: ${message}` : message;
}

/**
 * The model file in `value`, or one line saying what is wrong and where (its JSON path). Every
 * declared size of the weights is checked (positive safe integers under the limits, lengths that
 * agree) before anything is allocated; `loadTrainedModel` then checks them against the description.
 */
export function parseModelFile(value: unknown): ModelFile | string {
  if (!isRecord(value)) return 'a model file must be a JSON object with "format": "nn-lab-model"';
  const own = (k: string): unknown => (Object.hasOwn(value, k) ? value[k] : undefined);
  if (own('format') !== 'nn-lab-model')
    return at(['format'], 'not an NN Lab model file ("format" is not "nn-lab-model"); export one with "NN Lab: Export Trained Model"');
  if (own('version') !== 1)
    return at(
      ['version'],
      `unsupported model file version ${typeof own('version') === 'number' ? String(own('version')) : quote(JSON.stringify(own('version')) ?? 'missing', 40)} (this nn-lab reads version 1)`,
    );
  if (!isRecord(own('config'))) return at(['config'], 'the model file needs the model description as a JSON object');
  const weights = checkWeightsJson(own('weights'), ['weights']);
  if (typeof weights === 'string') return weights;
  const t = own('training');
  if (t !== undefined && !isRecord(t)) return at(['training'], 'must be an object (the training summary)');
  const summary = isRecord(t) ? t : {};
  const field = (k: string): unknown => (Object.hasOwn(summary, k) ? summary[k] : undefined);
  const epochs = field('epochs');
  if (epochs !== undefined && !(typeof epochs === 'number' && Number.isSafeInteger(epochs) && epochs >= 0))
    return at(['training', 'epochs'], 'must be a whole number ≥ 0');
  const text = (k: string): string => (typeof field(k) === 'string' ? (field(k) as string) : '');
  const finalLoss = field('finalLoss');
  return {
    format: 'nn-lab-model',
    version: 1,
    config: own('config'),
    weights,
    training: {
      status: text('status') || 'unknown',
      epochs: typeof epochs === 'number' ? epochs : 0,
      finalLoss: typeof finalLoss === 'number' ? finalLoss : undefined,
      digest: text('digest'),
      exportedAt: text('exportedAt'),
    },
  };
}
