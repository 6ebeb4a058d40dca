"""`loss_sum(z, y, t)` for NN Lab's Binary loss on the outputs (not fused with a sigmoid): the SUM over the given samples of each sample's loss (summed over
its outputs); the training loop divides by the global batch size, giving NN Lab's L = (1/N) sum_n sum_j l(y_nj, t_nj).
z are the output layer's logits, y its outputs. NN Lab's clamps: logs >= -100, gradient denominators >= 1e-12."""
import torch

# ---- exported ----

class _BinaryLoss(torch.autograd.Function):
    """NN Lab's Binary loss on outputs y (not fused with a sigmoid): p = clip(y, 0, 1),
    sum of -t max(log p, -100) - (1 - t) max(log(1 - p), -100); dL/dy = (p - t) / max(p(1 - p), 1e-12)."""

    @staticmethod
    def forward(ctx, y, t):
        p = torch.clamp(y, 0, 1)
        ctx.save_for_backward(p, t)
        log_p = torch.clamp(torch.log(p), min=-100)
        log_q = torch.clamp(torch.log1p(-p), min=-100)
        return -(t * log_p + (1 - t) * log_q).sum()

    @staticmethod
    def backward(ctx, grad):
        p, t = ctx.saved_tensors
        return grad * ((p - t) / torch.clamp(p * (1 - p), min=1e-12)), None


def loss_sum(z, y, t):
    return _BinaryLoss.apply(y, t)
