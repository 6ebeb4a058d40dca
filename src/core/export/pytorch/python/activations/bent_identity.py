"""NN Lab's bent-identity activation as a `Pointwise` module (see pointwise.py)."""
import torch
from pointwise import Pointwise

# ---- exported ----

class BentIdentity(Pointwise):
    """f(x) = (sqrt(x^2 + 1) - 1)/2 + x (as x^2/(2(sqrt(x^2+1) + 1)) + x for |x| < 1); f'(x) = x/(2 sqrt(x^2 + 1)) + 1."""

    def f(self, x):
        r = torch.hypot(x, torch.ones_like(x))
        return torch.where(x.abs() < 1, (0.5 * x * x) / (r + 1) + x, 0.5 * (r - 1) + x)

    def df(self, x, y):
        return (0.5 * x) / torch.hypot(x, torch.ones_like(x)) + 1
