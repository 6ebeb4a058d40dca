/**
 * The loss as Python: `loss_sum(z, y, t)` returns the SUM over the given samples of each sample's loss
 * (summed over its outputs); the training loop divides by the global batch size, giving NN Lab's
 * convention L = (1/N) Σₙ Σⱼ ℓ(yₙⱼ, tₙⱼ). `z` are the output layer's logits, `y` its outputs. Each loss's
 * registry entry names its files in python/losses/ (`pytorch`): one on the outputs, and for a loss that
 * fuses with the output activation one on the logits.
 */
import { lossRegistry } from '../../losses';
import { PY_LOSSES } from './generated/python-sources';

/** Python source of the loss `loss`, fused with the output activation or not. */
export function pythonLoss(loss: string, fused: boolean): string {
  const form = lossRegistry.has(loss) ? lossRegistry.entry(loss).pytorch : undefined;
  const stem = fused ? form?.logits : form?.outputs;
  if (stem === undefined || !Object.hasOwn(PY_LOSSES, stem)) throw new Error(`no PyTorch form for loss "${loss}"${fused ? ' on logits' : ''}`);
  return PY_LOSSES[stem];
}
