/**
 * The loss registry: Square, Binary, Cross. Convention for all three: the loss of a batch is
 * the mean over samples of the per-sample loss, and the per-sample loss is summed over that
 * sample's outputs; gradients carry the 1/rows factor. (The reference's total_error divided by
 * every element, so cross-entropy was also divided by the class count.)
 */
import { Registry } from '../registry';
import { binaryLoss } from './binary';
import { crossLoss } from './cross';
import type { Loss, LossEntry } from './loss';
import { squareLoss } from './square';

export type { Loss, LossEntry } from './loss';

/** Every loss's registry entry, in the reference's order. */
export const LOSSES: readonly LossEntry[] = [
  {
    name: 'Square',
    summary: 'Half the squared error, for regression; pair it with an identity (linear) output.',
    formula: 'L = (1/N) Σₙ Σⱼ ½(yₙⱼ − tₙⱼ)²;  ∂L/∂y = (y − t)/N',
    params: [],
    pytorch: { outputs: 'square' },
    create: () => squareLoss(),
  },
  {
    name: 'Binary',
    summary: 'Binary cross-entropy for yes/no outputs; fuses with a sigmoid output layer.',
    formula: 'L = (1/N) Σₙ Σⱼ −t log y − (1 − t) log(1 − y);  with sigmoid: ∂L/∂z = (y − t)/N',
    params: [],
    // Fused: PyTorch's binary_cross_entropy_with_logits; on outputs: NN Lab's clamps in a custom autograd function.
    pytorch: { outputs: 'binary', logits: 'binary_logits' },
    create: () => binaryLoss(),
  },
  {
    name: 'Cross',
    summary: 'Categorical cross-entropy for one-of-k outputs; fuses with a softmax output layer.',
    formula: 'L = (1/N) Σₙ −Σⱼ tₙⱼ log yₙⱼ;  with softmax: ∂L/∂z = (y − t)/N',
    params: [],
    // Fused: PyTorch's cross_entropy with probability targets; on outputs: NN Lab's clamps in a custom autograd function.
    pytorch: { outputs: 'cross', logits: 'cross_logits' },
    create: () => crossLoss(),
  },
];

/** Looks losses up by name: `lossRegistry.create('Cross')`. */
export const lossRegistry: Registry<Loss, LossEntry> = new Registry<Loss, LossEntry>('loss', LOSSES);
