/**
 * Loading an exported model file (`nn-lab-model`, written by "NN Lab: Export Trained Model") for the
 * CLI: its description, resolved and checked, and a network holding its trained weights.
 */
import { parseConfigText } from '../core/config/parse-json';
import { validateConfig } from '../core/config/validate';
import { Sequential } from '../core/model/sequential';
import { formatPath } from '../core/problems';
import type { ResolvedConfig } from '../core/config/types';
import { parseModelFile, type ModelFile } from '../shared/model-file';

/** True when `text` is JSON of an exported model file (rather than a `*.nn.json` description). */
export function isModelFileText(text: string): boolean {
  const value = parseConfigText(text).value;
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'nn-lab-model';
}

/** The model file in `text`, or why it cannot be used. */
export function readModelFile(text: string): ModelFile | string {
  const { value, problems } = parseConfigText(text);
  if (value === undefined) return problems[0]?.message ?? 'not JSON';
  return parseModelFile(value);
}

/**
 * The trained network of a model file without loading its data: the description is validated and
 * its input count taken from the saved weights. Returns why when it cannot be built.
 */
export function loadTrainedModel(file: ModelFile): { model: Sequential; config: ResolvedConfig } | string {
  const checked = validateConfig(file.config);
  const error = checked.problems.find((p) => p.severity === 'error');
  if (!checked.config || error) return error ? `the saved config is invalid: ${formatPath(error.path)}: ${error.message}` : 'the saved config is invalid';
  const config: ResolvedConfig = { ...checked.config, inputs: file.weights.inputs };
  try {
    return { model: Sequential.fromJSON(config, file.weights), config };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Copies the weights of `from` into `to` (same architecture), layer by layer. */
export function copyWeights(from: Sequential, to: Sequential): void {
  from.layers.forEach((layer, i) => {
    const source = layer.params();
    to.layers[i].params().forEach((p, k) => p.set(source[k]));
  });
}
