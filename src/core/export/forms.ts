/**
 * The export facets a registry entry carries: how an activation, optimizer or loss is written in the
 * exported PyTorch script and (activations) in an ONNX graph. Each entry declares its own forms beside
 * its implementation; the exporters only read them (no list of names in the exporters). Python that is
 * more than an expression lives in `pytorch/python/<kind>/<file>.py`, named here by file stem.
 */
import type { Params } from '../registry';
import type { OnnxGraphBuilder } from './onnx-graph';
import { pyFloat } from './pytorch/python-text';

/** Emits the ONNX nodes computing y = f(x) for the tensor named `x`; returns the name of y. */
export type OnnxActivation = (g: OnnxGraphBuilder, x: string, params: Params) => string;

/** How one activation is written in the script: a module expression and the helper files it needs. */
export interface PythonActivation {
  /** Python expression building the module, e.g. `nn.LeakyReLU(0.1)`. */
  module: string;
  /** Stems of `pytorch/python/activations/*.py` the expression uses (`pointwise` first when present). */
  helpers: string[];
}

/** An activation's export facet. */
export interface ActivationExport {
  /** The PyTorch module for resolved parameters `p`. */
  pytorch(p: Params): PythonActivation;
  /** The ONNX nodes (standard operators, default domain, opset ≥ 17), parameters included. */
  onnx: OnnxActivation;
}

/** A `torch.nn` module that is exactly NN Lab's function (conventions and kink derivatives included). */
export function torchModule(module: string): PythonActivation {
  return { module, helpers: [] };
}

/**
 * A `Pointwise` module of class `cls` from `python/activations/<file>.py`, whose backward pass is NN Lab's
 * own derivative; `args` are its constructor's arguments, written as Python floats.
 */
export function pointwiseModule(file: string, cls: string, args: readonly number[] = []): PythonActivation {
  return { module: `${cls}(${args.map(pyFloat).join(', ')})`, helpers: ['pointwise', file] };
}

/**
 * An optimizer's PyTorch form: a `torch.optim` built-in with arguments translated from NN Lab's
 * hyper-parameters, or a class written out in `python/optimizers/*.py` (on top of `optimizer_base.py`)
 * and constructed with every hyper-parameter of the entry, by the names of its param specs.
 */
export type PythonOptimizerForm =
  | {
      kind: 'torch';
      /** The expression building it from `params` (the model's parameters) and the resolved hyper-parameters. */
      construct(h: Params): string;
      /** The param group's `lr` for the learning rate given as the Python expression `rate` (default: `rate` itself). */
      lr?(rate: string, h: Params): string;
    }
  | {
      kind: 'class';
      /** Stems of `python/optimizers/*.py` defining the class, in order (after `optimizer_base`). */
      files: string[];
      /** The Python class to construct. */
      className: string;
      /** True when the constructor takes the script's generator `rng` (Santa's noise). */
      rng?: boolean;
    };

/** A loss's PyTorch form: files of `python/losses/*.py` defining `loss_sum(z, y, t)`. */
export interface PythonLossForm {
  /** Computed from the outputs y. */
  outputs: string;
  /** Computed from the logits z, fused with the output activation (losses with `fusesWith` only). */
  logits?: string;
}
