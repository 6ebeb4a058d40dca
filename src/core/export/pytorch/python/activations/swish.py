"""NN Lab's Swish activation as a `Pointwise` module (see pointwise.py)."""
import torch
from pointwise import Pointwise, _sigmoid_slope

# ---- exported ----

class Swish(Pointwise):
    """f(x) = x sigma(beta x); f'(x) = sigma(beta x) + beta x sigma'(beta x) (nn.SiLU when beta = 1)."""

    def __init__(self, beta):
        super().__init__()
        self.beta = beta

    def f(self, x):
        return x * torch.sigmoid(self.beta * x)

    def df(self, x, y):
        z = self.beta * x
        q = _sigmoid_slope(z)
        return torch.sigmoid(z) + torch.where(q == 0, torch.zeros_like(q), z * q)
