"""NN Lab's conv2d layer: torch.nn.Conv2d, initialised and loaded in NN Lab's order."""
import math

import torch
import torch.nn as nn

# ---- exported ----

class NNLabConv2d(nn.Conv2d):
    """z = b + sum over c, ky, kx of W[f, c, ky, kx] x[c, oy*sh + ky, ox*sw + kx] (cross-correlation),
    with NN Lab's initial weights: W[filters, channels, kh, kw] drawn row-major, then b."""

    @torch.no_grad()
    def nnlab_init(self, rng, kind, scale):
        # fan_in = channels kh kw, fan_out = filters kh kw (as NN Lab and PyTorch count them).
        filters, channels, kh, kw = self.weight.shape
        fan_in, fan_out = channels * kh * kw, filters * kh * kw
        if kind == "normal":
            std = scale
        elif kind == "xavier":
            std = math.sqrt(2 / (fan_in + fan_out))
        else:
            std = math.sqrt(2 / fan_in)
        w = [std * rng.normal() for _ in range(self.weight.numel())]
        b = [scale * rng.normal() for _ in range(filters)] if kind == "normal" else [0.0] * filters
        self.weight.copy_(torch.tensor(w, dtype=self.weight.dtype).view_as(self.weight))
        self.bias.copy_(torch.tensor(b, dtype=self.bias.dtype))

    @torch.no_grad()
    def nnlab_load(self, layer):
        self.weight.copy_(torch.tensor(layer["w"], dtype=self.weight.dtype).view_as(self.weight))
        self.bias.copy_(torch.tensor(layer["b"], dtype=self.bias.dtype))

    def nnlab_penalized(self):
        return [self.weight]
