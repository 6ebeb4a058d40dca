/**
 * The exported-model file ("Export Trained Model", read by `nn-lab predict` / `nn-lab train`):
 * the model description as written, its trained weights, and a summary of the training.
 */
import type { ModelWeightsJson } from '../core/model/weights-json';

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

/** The model file in `value`, or a sentence saying why it is not one (shapes are checked when the weights are loaded). */
export function parseModelFile(value: unknown): ModelFile | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (v.format !== 'nn-lab-model') return 'not an NN Lab model file ("format" is not "nn-lab-model"); export one with "NN Lab: Export Trained Model"';
  if (v.version !== 1) return `unsupported model file version ${JSON.stringify(v.version)} (this nn-lab reads version 1)`;
  if (typeof v.config !== 'object' || v.config === null) return 'the model file has no "config"';
  const w = v.weights as Record<string, unknown> | undefined;
  if (typeof w !== 'object' || w === null || w.format !== 'nn-lab-weights' || !Array.isArray(w.layers)) return 'the model file has no valid "weights"';
  const t = (typeof v.training === 'object' && v.training !== null ? v.training : {}) as Partial<TrainingSummary>;
  return {
    format: 'nn-lab-model', version: 1, config: v.config, weights: w as unknown as ModelWeightsJson,
    training: { status: String(t.status ?? 'unknown'), epochs: Number(t.epochs ?? 0), finalLoss: typeof t.finalLoss === 'number' ? t.finalLoss : undefined, digest: String(t.digest ?? ''), exportedAt: String(t.exportedAt ?? '') },
  };
}
