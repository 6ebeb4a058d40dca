"""`loss_sum(z, y, t)` for NN Lab's Binary loss fused with a sigmoid output: the SUM over the given samples of each sample's loss (summed over
its outputs); the training loop divides by the global batch size, giving NN Lab's L = (1/N) sum_n sum_j l(y_nj, t_nj).
z are the output layer's logits, y its outputs. PyTorch's stable function of the logits is NN Lab's formula:
d/dz = sigma(z) - t."""
import torch.nn.functional as F

# ---- exported ----

def loss_sum(z, y, t):
    """Binary cross-entropy from the sigmoid's logits z: sum of max(z, 0) - t z + log1p(e^-|z|)."""
    return F.binary_cross_entropy_with_logits(z, t, reduction="sum")
