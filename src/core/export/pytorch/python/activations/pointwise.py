"""The custom autograd function behind every `Pointwise` activation module: NN Lab's activations that
torch.nn lacks (or writes with other conventions) are small modules whose backward pass is NN Lab's own
derivative formula, so the gradients match NN Lab's, not merely agree in exact arithmetic."""
import torch
import torch.nn as nn

# ---- exported ----

class _PointwiseFunction(torch.autograd.Function):
    """y = module.f(x) forward; dL/dx = module.df(x, y) * dL/dy backward (NN Lab's derivative)."""

    @staticmethod
    def forward(ctx, x, module):
        y = module.f(x)
        ctx.save_for_backward(x, y)
        ctx.module = module
        return y

    @staticmethod
    def backward(ctx, grad):
        x, y = ctx.saved_tensors
        return ctx.module.df(x, y) * grad, None


class Pointwise(nn.Module):
    """An elementwise activation f with an explicit derivative df (NN Lab's formulas)."""

    def forward(self, x):
        if not torch.is_grad_enabled():
            return self.f(x)  # inference and ONNX export: plain tensor operations
        return _PointwiseFunction.apply(x, self)


def _sigmoid_slope(z):
    """sigma'(z) = e^-|z| / (1 + e^-|z|)^2, without the cancellation of 1 - sigma."""
    e = torch.exp(-z.abs())
    return e / ((1 + e) * (1 + e))


def _sech2(u):
    """sech^2(u) = 4 e^-2|u| / (1 + e^-2|u|)^2."""
    e = torch.exp(-2 * u.abs())
    return (4 * e) / ((1 + e) * (1 + e))
