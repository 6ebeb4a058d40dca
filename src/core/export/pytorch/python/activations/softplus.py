"""NN Lab's softplus activation as a `Pointwise` module (see pointwise.py)."""
import torch
from pointwise import Pointwise

# ---- exported ----

class Softplus(Pointwise):
    """f(x) = max(x, 0) + log1p(e^-|x|) for every x (PyTorch's Softplus switches to x above 20); f' = sigma(x)."""

    def f(self, x):
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))

    def df(self, x, y):
        return torch.sigmoid(x)
