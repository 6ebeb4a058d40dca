"""NN Lab's activation layer: one activation module, as a layer of its own."""
import torch.nn as nn

# ---- exported ----

class NNLabActivation(nn.Module):
    """y = f(x) for the activation module f; no parameters (nnlab_init and nnlab_load do nothing)."""

    def __init__(self, f):
        super().__init__()
        self.f = f

    def forward(self, x):
        return self.f(x)

    def nnlab_init(self, rng, kind, scale):
        pass

    def nnlab_load(self, layer):
        pass
