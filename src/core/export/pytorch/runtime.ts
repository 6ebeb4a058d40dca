/**
 * The model-independent part of the exported script: weight initialisation (NN Lab's order and
 * initialisers), accuracy, the training loop (NN Lab's split, shuffle and batching, optionally
 * data-parallel under torchrun), reporting, checkpoint and ONNX export, and the command line.
 */
import { PY_RUNTIME } from './python-sources.generated';

/** Python: the Maxout layer (only written when the model has one). */
export const PYTHON_MAXOUT = String.raw`
class Maxout(nn.Module):
    """Maxout (Goodfellow et al. 2013): z = x W + b with units*pieces columns, column j*pieces + k holding
    piece k of unit j; y_j = max_k z_jk (the gradient goes to the first maximal piece)."""

    def __init__(self, inputs, units, pieces):
        super().__init__()
        self.units, self.pieces = units, pieces
        self.linear = nn.Linear(inputs, units * pieces)

    def forward(self, x):
        z = self.linear(x)
        return z.view(*z.shape[:-1], self.units, self.pieces).max(dim=-1).values
`;

/** Python: initialisation, accuracy, training loop and command line (python/runtime.py). */
export const PYTHON_RUNTIME: string = PY_RUNTIME;
