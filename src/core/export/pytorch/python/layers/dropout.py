"""NN Lab's dropout layer: inverted dropout whose masks come from the run's generator (NNLabRng)."""
import torch
import torch.nn as nn

# ---- exported ----

class NNLabDropout(nn.Module):
    """Training: y = x * m, m = 1/(1 - rate) where u >= rate else 0, one uniform u per element drawn
    from the run's generator at forward time, row-major (as NN Lab); evaluation: y = x, no draws."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate
        self.keep_scale = 1.0 / (1.0 - rate)
        self.rng = None  # the run's generator, given by nnlab_init

    def forward(self, x):
        if not self.training or self.rate == 0:
            return x
        uniform, rate, keep = self.rng.uniform, self.rate, self.keep_scale
        mask = [keep if uniform() >= rate else 0.0 for _ in range(x.numel())]
        return x * torch.tensor(mask, dtype=x.dtype, device=x.device).view_as(x)

    def nnlab_init(self, rng, kind, scale):
        self.rng = rng

    def nnlab_load(self, layer):
        pass
