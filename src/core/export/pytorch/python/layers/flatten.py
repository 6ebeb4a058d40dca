"""NN Lab's flatten layer: torch.nn.Flatten (channel, row, column order; nothing to initialise or load)."""
import torch.nn as nn

# ---- exported ----

class NNLabFlatten(nn.Flatten):
    """Each sample as one vector."""

    def nnlab_init(self, rng, kind, scale):
        pass

    def nnlab_load(self, layer):
        pass
