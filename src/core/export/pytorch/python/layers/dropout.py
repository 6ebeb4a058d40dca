"""NN Lab's dropout layer: inverted dropout whose masks come from the run's generator (NNLabRng)."""
import torch
import torch.nn as nn

# ---- exported ----

class NNLabDropout(nn.Module):
    """Training: y = x * m, m = 1/(1 - rate) where u >= rate else 0, one uniform u per element of the
    whole mini-batch drawn from the run's generator at forward time, row-major (as NN Lab); under
    torchrun every rank draws the whole batch's masks and keeps its rows. Evaluation: y = x, no draws."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate
        self.keep_scale = 1.0 / (1.0 - rate)
        self.rng = None  # the run's generator, given by nnlab_init
        self.batch = None  # (samples in the whole mini-batch, index of this rank's first), given by nnlab_batch

    def forward(self, x):
        if not self.training or self.rate == 0:
            return x
        rows = x.shape[0]
        count, first = self.batch if self.batch is not None else (rows, 0)
        width = 1
        for size in x.shape[1:]:
            width *= size
        uniform, rate, keep = self.rng.uniform, self.rate, self.keep_scale
        mask = [keep if uniform() >= rate else 0.0 for _ in range(count * width)]
        mine = mask[first * width : (first + rows) * width]
        return x * torch.tensor(mine, dtype=x.dtype, device=x.device).view_as(x)

    def nnlab_init(self, rng, kind, scale):
        self.rng = rng

    def nnlab_load(self, layer):
        pass

    def nnlab_batch(self, count, first):
        self.batch = (count, first)
