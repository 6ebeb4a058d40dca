/**
 * `nn-lab export --to pytorch`: one self-contained Python file (needing only PyTorch) that trains
 * a model description as NN Lab does, plus the data files it reads. Pure string generation: the
 * caller writes the files.
 */
import { inputShapeOf, type ResolvedConfig, type ResolvedLayer } from '../../config/resolved';
import type { Dataset } from '../../data/dataset';
import { lossRegistry } from '../../losses';
import type { ModelWeightsJson } from '../../model/weights-json';
import { kindOf, layerInputs } from '../../layers/kinds/registry';
import { ACTIVATION_HELPERS } from './activations';
import { dataFileText, pythonDataLoader, ScriptData } from './data';
import { pythonLoss } from './losses';
import { pythonOptimizer, pythonSetLearningRate } from './optimizers';
import { optimizerRegistry } from '../../optimizers';
import { pyBool, pyFloat, pyInt, pyString } from './python-text';
import { PY_IMPORTS, PY_TRAINING_KEYS } from './generated/python-sources';
import { PYTHON_RNG } from './rng';
import { PYTHON_RUNTIME } from './runtime';

export type { ScriptData } from './data';

/** What the script is generated from. */
export interface PytorchExportInput {
  /** The resolved description (its `inputs` from the data). */
  config: ResolvedConfig;
  /** The loaded data set (written beside the script unless `csv` is given). */
  data: Dataset;
  /** File name of the script, e.g. "train.py"; data files are named after it ("train_data.json"). */
  scriptName: string;
  /** Read the samples as this says (the data source's own form, e.g. its CSV file) instead of from a JSON file written beside the script. */
  source?: ScriptData;
  /** Start from these weights (an exported model) instead of the drawn ones, as `nn-lab train model.json` does. */
  startWeights?: ModelWeightsJson;
  /** Where the description came from, named in the script's header. */
  sourceName?: string;
  /** The `validationData` set (written beside the script as JSON), used instead of the validation split. */
  validationData?: Dataset;
}

/** A file to write beside the script. */
export interface ExportedFile {
  /** File name (no folder), e.g. "train_data.json". */
  name: string;
  text: string;
}

/** The generated script and the files it reads. */
export interface PytorchExport {
  script: string;
  files: ExportedFile[];
}

/** `train.py` → `train`. */
function stem(scriptName: string): string {
  return scriptName.replace(/\.py$/i, '') || 'train';
}

/** True when the loss is computed from the output layer's logits (sigmoid + Binary, softmax + Cross), as NN Lab does. */
export function fusedOutput(config: ResolvedConfig): boolean {
  const last = config.layers[config.layers.length - 1];
  const fusesWith = lossRegistry.create(config.loss, {}).fusesWith;
  return last !== undefined && fusesWith !== undefined && kindOf(last).activation(last)?.name === fusesWith;
}

/** One line per layer for the docstring, e.g. "dense 2 → 8, tanh, xavier init". */
function layerSummary(layers: readonly ResolvedLayer[], input: readonly number[]): string {
  const shapes = layerInputs(layers, input);
  return layers.map((l, i) => `    ${kindOf(l).summary(l, shapes[i])}${typeof l.init === 'string' ? `, ${l.init} init` : ''}`).join('\n');
}

/** The `Net` module, the `INIT` list and the helper and class definitions the layers need. */
function pythonNet(config: ResolvedConfig, fused: boolean): { code: string; helpers: string[]; classes: string[] } {
  const lines: string[] = [];
  const helpers: string[] = [];
  const classes = new Map<string, string>();
  const shapes = layerInputs(config.layers, inputShapeOf(config));
  let output = 'nn.Identity()';
  config.layers.forEach((layer, i) => {
    const kind = kindOf(layer);
    const form = kind.pytorch.modules(layer, shapes[i], i === config.layers.length - 1, fused);
    for (const m of form.modules) {
      // Image layers pass flat rows (nn.Flatten) and take images (nn.Unflatten): between two of them the pair cancels out.
      if (m.startsWith('nn.Unflatten(1, ') && lines[lines.length - 1] === 'nn.Flatten(),') lines.pop();
      else lines.push(`${m},`);
    }
    helpers.push(...(form.helpers ?? []));
    if (form.output !== undefined) output = form.output;
    for (const [name, text] of Object.entries(kind.pytorch.classes ?? {})) classes.set(name, text);
  });
  // Per layer: (initialiser, initScale) for the layers that draw with one, ("none", 0) otherwise.
  const init = config.layers
    .map((l) => (typeof l.init === 'string' && typeof l.initScale === 'number' ? `(${pyString(l.init)}, ${pyFloat(l.initScale)})` : '("none", 0.0)'))
    .join(', ');
  const code = String.raw`
class Net(nn.Module):
    """The network; forward returns (z, y): the output layer's logits z${fused ? '' : ' (= y here)'} and the outputs y."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(
${lines.map((l) => '            ' + l).join('\n')}
        )
        self.output = ${output}${fused ? '  # the loss is computed from the logits z, fused with this activation' : ''}

    def forward(self, x):
        z = self.layers(x)
        return z, self.output(z)


INIT = [${init}]  # per layer: (initialiser, initScale)
`;
  return { code, helpers, classes: [...classes.values()] };
}

/** A JSON object of numbers, strings and booleans as a Python dict literal (null: None). */
function pyDict(obj: Readonly<Record<string, unknown>> | undefined): string {
  if (obj === undefined) return 'None';
  const items = Object.entries(obj).map(([k, v]) => {
    const value = typeof v === 'number' ? pyFloat(v) : typeof v === 'boolean' ? pyBool(v) : typeof v === 'string' ? pyString(v) : 'None';
    return `${pyString(k)}: ${value}`;
  });
  return `{${items.join(', ')}}`;
}

/** The training keys' constants of the script (penalties, clipping, schedule, early stopping, the optimizer's lr₀). */
function trainingKeyConstants(config: ResolvedConfig): string {
  const t = config.training;
  const rateName = optimizerRegistry.entry(config.optimizer.name).learningRate;
  const lr0 = rateName === undefined ? 'None' : pyFloat(config.optimizer.params[rateName]);
  const stopping = t.earlyStopping ? { monitor: null, ...t.earlyStopping } : undefined;
  return [
    `L1 = ${pyFloat(t.l1 ?? 0)}  # weight penalties: g += L2 w + L1 sign(w) on the weight matrices`,
    `L2 = ${pyFloat(t.l2 ?? 0)}`,
    `CLIP_NORM = ${t.clipNorm === undefined ? 'None' : pyFloat(t.clipNorm)}  # gradient clipping by global norm`,
    `LR0 = ${lr0}  # the optimizer's configured learning rate${rateName ? ` (${rateName})` : ' (none)'}`,
    `SCHEDULE = ${pyDict(t.schedule)}`,
    `EARLY_STOPPING = ${pyDict(stopping)}  # monitor None: valLoss with validation data, else loss`,
    '',
  ].join('\n');
}

/** Generates the script for `input` and the data files it needs. */
export function exportPytorch(input: PytorchExportInput): PytorchExport {
  const { config, data } = input;
  const base = stem(input.scriptName);
  const files: ExportedFile[] = [];
  let source: ScriptData;
  if (input.source) source = input.source;
  else {
    source = { kind: 'json', file: `${base}_data.json` };
    files.push({ name: source.file, text: dataFileText(data) });
  }
  let validationFile = 'None';
  if (input.validationData) {
    const name = `${base}_validation.json`;
    files.push({ name, text: dataFileText(input.validationData) });
    validationFile = pyString(name);
  }
  let startWeights = 'None';
  if (input.startWeights) {
    const name = `${base}_weights.json`;
    files.push({ name, text: JSON.stringify(input.startWeights) + '\n' });
    startWeights = pyString(name);
  }
  const fused = fusedOutput(config);
  const net = pythonNet(config, fused);
  const helperNames = [...new Set(net.helpers)].sort((a, b) => (a === 'pointwise' ? -1 : b === 'pointwise' ? 1 : a.localeCompare(b)));
  const optimizer = pythonOptimizer(config.optimizer.name, config.optimizer.params);
  const t = config.training;
  const params = Object.entries(config.optimizer.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const script = [
    String.raw`#!/usr/bin/env python3
"""${config.name}: a PyTorch training script exported by NN Lab (nn-lab export --to pytorch)${input.sourceName ? ` from ${input.sourceName}` : ''}.

It trains the network exactly as NN Lab does: the same layers, activations, initial weights, loss,
optimizer update rule, validation split and shuffle order (NN Lab's seeded generator is ported
below), so with --dtype float64 the loss history equals the one of "nn-lab train --json".

Model: ${config.inputs} inputs
${layerSummary(config.layers, inputShapeOf(config))}
Loss: ${config.loss}${fused ? ' (computed from the logits)' : ''}; optimizer: ${config.optimizer.name} (${params})
Training: ${t.epochs} epochs, batch ${t.batchSize}, validation split ${t.validationSplit}, seed ${t.seed}${t.shuffle ? '' : ', no shuffling'}

    python3 ${input.scriptName} [--epochs N] [--json] [--dtype float64] [--device cuda] [--save model.pt] [--onnx model.onnx]
    torchrun --nproc_per_node K ${input.scriptName} ...   # data-parallel (gloo on CPU, NCCL on GPU), same history

Needs only PyTorch and the Python standard library.
"""
` +
      PY_IMPORTS.trimStart() +
      String.raw`NAME = ${pyString(config.name)}
INPUTS = ${pyInt(config.inputs)}
EPOCHS = ${pyInt(t.epochs)}
BATCH_SIZE = ${pyInt(t.batchSize)}
VALIDATION_SPLIT = ${pyFloat(t.validationSplit)}
SEED = ${pyInt(t.seed)}
SHUFFLE = ${pyBool(t.shuffle)}
CLASSIFICATION = ${pyBool(data.task === 'classification')}  # report accuracy
START_WEIGHTS = ${startWeights}  # saved weights to continue from (None: start from the drawn ones)
VALIDATION_FILE = ${validationFile}  # the validationData set, used instead of the split (None: the split)
` +
      trainingKeyConstants(config),
    "# ---- NN Lab's random numbers ----",
    PYTHON_RNG,
    '# ---- activations and layers ----',
    ...helperNames.map((h) => ACTIVATION_HELPERS[h]),
    ...net.classes,
    net.code,
    '# ---- loss ----',
    pythonLoss(config.loss, fused),
    '# ---- optimizer ----',
    optimizer.classes,
    String.raw`
def make_optimizer(params, rng):
    """NN Lab's ${config.optimizer.name} with the description's hyper-parameters."""
    return ${optimizer.construct}
`,
    pythonSetLearningRate(config.optimizer.name, config.optimizer.params),
    '# ---- training keys ----',
    PY_TRAINING_KEYS,
    '# ---- data ----',
    pythonDataLoader(source),
    '# ---- training ----',
    PYTHON_RUNTIME,
  ]
    .filter((part) => part !== '')
    .join('\n');
  return { script: script.replace(/\n{3,}/g, '\n\n\n'), files };
}
