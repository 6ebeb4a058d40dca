/**
 * Loading an exported model file (`nn-lab-model`, written by "NN Lab: Export Trained Model") for the
 * CLI: its description, resolved and checked, and a network holding its trained weights.
 */
import { parseConfigText } from '../core/config/parse-json';
import { validateConfig } from '../core/config/validate';
import { Sequential } from '../core/model/sequential';
import { formatPath, NnError } from '../core/problems';
import { inputShapeOf, withDataShape, type ResolvedConfig } from '../core/config/resolved';
import { featureCount, type FeatureShape } from '../core/layers/kinds/kind';
import { kindOf, layerInputs } from '../core/layers/kinds/registry';
import type { LayerWeightsJson } from '../core/model/weights-json';
import { parseModelFile, type ModelFile } from '../core/model/model-file';

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
  if (!checked.config || error)
    return error ? `config.${formatPath(error.path)}: ${error.message} (the saved config is invalid)` : 'config: the saved config is invalid';
  const config = withDataShape(checked.config, { inputs: file.weights.inputs, features: file.weights.inputShape });
  // Compare the shapes before anything is allocated: the saved sizes were bounded when the file was read.
  const saved = file.weights.layers;
  if (saved.length !== config.layers.length) return `weights.layers: the file has ${saved.length} layers, its config has ${config.layers.length}`;
  const ins = layerInputs(config.layers, inputShapeOf(config));
  const outs = config.layers.map((l, i) => featureCount(kindOf(l).outputShape(l, ins[i]) as FeatureShape));
  // Same kind, outputs and parameter count (e.g. a maxout layer's pieces) as the saved layer.
  const differs = config.layers.findIndex(
    (l, i) => l.type !== saved[i].type || outs[i] !== saved[i].units || kindOf(l).paramCount(l, ins[i]) !== savedParamCount(saved[i]),
  );
  if (differs >= 0)
    return `weights.layers[${differs}]: is a ${saved[differs].type} layer of ${saved[differs].units} units, config.layers[${differs}] describes a ${config.layers[differs].type} layer of ${outs[differs]}`;
  try {
    return { model: Sequential.fromJSON(config, file.weights), config };
  } catch (e) {
    if (e instanceof NnError) return e.problems.map((p) => (p.path.length ? `weights.${formatPath(p.path)}: ${p.message}` : p.message)).join('; ');
    throw e;
  }
}

/** Numbers in the parameter arrays of a saved (already checked) layer. */
function savedParamCount(layer: LayerWeightsJson): number {
  return kindOf(layer.type).file.params.reduce((n, name) => n + (layer[name] as number[]).length, 0);
}

/** Copies the weights of `from` into `to` (same architecture), layer by layer. */
export function copyWeights(from: Sequential, to: Sequential): void {
  from.layers.forEach((layer, i) => {
    const source = layer.params();
    to.layers[i].params().forEach((p, k) => p.set(source[k]));
    const state = layer.state?.() ?? [];
    to.layers[i].state?.().forEach((s, k) => s.set(state[k]));
  });
}
