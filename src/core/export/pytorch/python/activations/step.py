"""NN Lab's step activation as a `Pointwise` module (see pointwise.py)."""
import torch
from pointwise import Pointwise

# ---- exported ----

class Step(Pointwise):
    """Heaviside step: f(x) = 1 if x > 0 else 0; f'(x) = 0 everywhere."""

    def f(self, x):
        return (x > 0).to(x.dtype)

    def df(self, x, y):
        return torch.zeros_like(x)
