/**
 * The model-independent part of the exported script: weight initialisation (NN Lab's order and
 * initialisers), accuracy, the training loop (NN Lab's split, shuffle and batching, optionally
 * data-parallel under torchrun), reporting, checkpoint and ONNX export, and the command line.
 */
import { PY_RUNTIME } from './generated/python-sources';

/** Python: initialisation, accuracy, training loop and command line (python/runtime.py). */
export const PYTHON_RUNTIME: string = PY_RUNTIME;
