"""NN Lab's maxpool2d and avgpool2d layers: torch.nn.MaxPool2d and AvgPool2d (nothing to initialise or load)."""
import torch.nn as nn

# ---- exported ----

class NNLabMaxPool2d(nn.MaxPool2d):
    """The maximum of each window (the gradient to its first maximum)."""

    def nnlab_init(self, rng, kind, scale):
        pass

    def nnlab_load(self, layer):
        pass


class NNLabAvgPool2d(nn.AvgPool2d):
    """The mean of each window."""

    def nnlab_init(self, rng, kind, scale):
        pass

    def nnlab_load(self, layer):
        pass
