"""NN Lab's SELU activation as a `Pointwise` module (see pointwise.py)."""
import torch
from pointwise import Pointwise

# ---- exported ----

class SELU(Pointwise):
    """Scaled ELU with NN Lab's constants: f(x) = lam x if x > 0 else lam alpha (e^x - 1)."""

    def __init__(self, lam, alpha):
        super().__init__()
        self.lam, self.alpha = lam, alpha

    def f(self, x):
        return torch.where(x > 0, self.lam * x, self.lam * self.alpha * torch.expm1(x))

    def df(self, x, y):
        return torch.where(x > 0, self.lam, self.lam * self.alpha * torch.exp(x))
