"""NN Lab's tanhExp activation as a `Pointwise` module (see pointwise.py)."""
import torch
from pointwise import Pointwise, _sech2

# ---- exported ----

class TanhExp(Pointwise):
    """f(x) = x tanh(e^x); f'(x) = tanh(e^x) + x e^x sech^2(e^x) (the last term is 0 once e^x > 350)."""

    def f(self, x):
        return x * torch.tanh(torch.exp(x))

    def df(self, x, y):
        e = torch.exp(x)
        t = torch.tanh(e)
        return torch.where(e > 350, t, t + x * e * _sech2(e))
