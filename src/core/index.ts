/**
 * NN Lab's neural-net core as a library (`dist/core.js`, CommonJS), for scripts and tests.
 *
 * ```js
 * const { activations, optimizers, losses, prepareRun, train } = require('nn-lab/dist/core.js');
 * const mish = activations.create('Mish');
 * const y = mish.forward(new Float64Array([-1, 0, 1]));
 * const adam = optimizers.create('Adam', { alpha: 0.01 });
 * adam.step([w], [dw], loss);
 * ```
 */
import { activationRegistry, ACTIVATIONS } from './activations/index';
import { lossRegistry, LOSSES } from './losses/index';
import { optimizerRegistry, OPTIMIZERS } from './optimizers/index';
import { Rng } from './rng';

/** The 26 activation functions by name: `names()`, `create(name, params?)`, `entry(name)`. */
export const activations = {
  names: (): string[] => activationRegistry.names(),
  create: (name: string, params: Record<string, unknown> = {}) => activationRegistry.create(name, params),
  entry: (name: string) => activationRegistry.entry(name),
  entries: ACTIVATIONS,
};

/**
 * The 17 optimizers by name. `create(name, params?, seed?)` returns an optimizer whose
 * `step(params, grads, loss?)` updates `params` in place (t counted inside); `seed` feeds
 * the stochastic ones (SantaE, SantaSSS).
 */
export const optimizers = {
  names: (): string[] => optimizerRegistry.names(),
  create: (name: string, params: Record<string, unknown> = {}, seed = 0) => optimizerRegistry.create(name, params, { rng: new Rng(seed) }),
  entry: (name: string) => optimizerRegistry.entry(name),
  entries: OPTIMIZERS,
};

/** The 3 losses by name (Square, Binary, Cross). */
export const losses = {
  names: (): string[] => lossRegistry.names(),
  create: (name: string) => lossRegistry.create(name),
  entry: (name: string) => lossRegistry.entry(name),
  entries: LOSSES,
};

export { activationRegistry, optimizerRegistry, lossRegistry, Rng };
export { Registry } from './registry';
export type { ParamSpec, RegistryEntry } from './registry';
export { NnError, formatPath, didYouMean, safeText, quote, oneLine } from './problems';
export type { Problem, JsonPath, Severity, TextSpan } from './problems';
export { parseConfigText } from './config/parse-json';
export type { Activation } from './activations/activation';
export type { Optimizer } from './optimizers/optimizer';
export type { Loss } from './losses/loss';
export type { DenseKernel } from './linalg/kernel';
export { jsKernel } from './linalg/js-kernel';
export { createKernel } from './linalg/default-kernel';
export { WasmKernel, createWasmKernel } from './linalg/wasm-kernel';
export { ThreadedWasmKernel } from './linalg/threaded-kernel';
export { runKernelHelper } from './linalg/kernel-helper';
export type { KernelHelperInit, SpawnKernelHelper } from './linalg/kernel-helper';
export { Sequential } from './model/sequential';
export { TrainingRun, train } from './train/trainer';
export type { EpochReport, RunStatus, TrainOptions, TrainResult } from './train/types';
export { prepareRun } from './config/load';
export { validateConfig, DEFAULT_LIMITS } from './config/validate';
export { exportOnnx, exportOnnxModel, DEFAULT_ONNX_OPSET } from './export/onnx';
export type { OnnxExportOptions } from './export/onnx';
export type { Limits } from './config/validate';
export { buildSchema } from './config/schema';
export { loadData } from './data/load-data';
export { dataSourceRegistry } from './data/sources/registry';
export type { DataSource, DataFileRef, FeatureShape, SourceShape } from './data/sources/source';
export { generate } from './data/generators';
export type { Dataset, InputArray } from './data/dataset';
export { gatherInputs, inputRows } from './data/dataset';
export { readIdx, IdxError } from './data/idx';
export { loadDigits } from './data/digits';
export { classify, confusionMatrix, sampleImages } from './model/confusion';
export type { ConfusionMatrix, SampleImages } from './model/confusion';
export type { NnConfig, Precision } from './config/types';
export type { ResolvedConfig } from './config/resolved';
