/**
 * The loss as Python: `loss_sum(z, y, t)` returns the SUM over the given samples of each
 * sample's loss (summed over its outputs); the training loop divides by the global batch size,
 * giving NN Lab's convention L = (1/N) Σₙ Σⱼ ℓ(yₙⱼ, tₙⱼ). `z` are the output layer's logits,
 * `y` its outputs. Fused pairs use PyTorch's stable functions of the logits, which are NN Lab's
 * formulas: sigmoid + Binary = binary_cross_entropy_with_logits (∂/∂z = σ(z) − t) and softmax +
 * Cross = cross_entropy with probability targets (∂/∂z = softmax(z)·Σt − t). Unfused Binary and
 * Cross use NN Lab's clamps (logs ≥ −100, gradient denominators ≥ 1e-12) in a custom autograd function.
 */

/** Python source of the loss for `loss` (Square, Binary, Cross), fused with the output activation or not. */
export function pythonLoss(loss: string, fused: boolean): string {
  if (loss === 'Square') {
    return String.raw`
def loss_sum(z, y, t):
    """Square: sum over samples of 1/2 sum_j (y_j - t_j)^2."""
    d = y - t
    return 0.5 * (d * d).sum()
`;
  }
  if (loss === 'Binary' && fused) {
    return String.raw`
def loss_sum(z, y, t):
    """Binary cross-entropy from the sigmoid's logits z: sum of max(z, 0) - t z + log1p(e^-|z|)."""
    return F.binary_cross_entropy_with_logits(z, t, reduction="sum")
`;
  }
  if (loss === 'Cross' && fused) {
    return String.raw`
def loss_sum(z, y, t):
    """Categorical cross-entropy from the softmax's logits z: sum over rows of sum_j t_j (logsumexp(z) - z_j)."""
    return F.cross_entropy(z, t, reduction="sum")
`;
  }
  if (loss === 'Binary') {
    return String.raw`
class _BinaryLoss(torch.autograd.Function):
    """NN Lab's Binary loss on outputs y (not fused with a sigmoid): p = clip(y, 0, 1),
    sum of -t max(log p, -100) - (1 - t) max(log(1 - p), -100); dL/dy = (p - t) / max(p(1 - p), 1e-12)."""

    @staticmethod
    def forward(ctx, y, t):
        p = torch.clamp(y, 0, 1)
        ctx.save_for_backward(p, t)
        log_p = torch.clamp(torch.log(p), min=-100)
        log_q = torch.clamp(torch.log1p(-p), min=-100)
        return -(t * log_p + (1 - t) * log_q).sum()

    @staticmethod
    def backward(ctx, grad):
        p, t = ctx.saved_tensors
        return grad * ((p - t) / torch.clamp(p * (1 - p), min=1e-12)), None


def loss_sum(z, y, t):
    return _BinaryLoss.apply(y, t)
`;
  }
  if (loss === 'Cross') {
    return String.raw`
class _CrossLoss(torch.autograd.Function):
    """NN Lab's Cross loss on outputs y (not fused with a softmax): sum of -t max(log y, -100)
    over entries with t != 0; dL/dy = -t / max(y, 1e-12)."""

    @staticmethod
    def forward(ctx, y, t):
        ctx.save_for_backward(y, t)
        terms = torch.where(t != 0, t * torch.clamp(torch.log(y), min=-100), torch.zeros_like(y))
        return -terms.sum()

    @staticmethod
    def backward(ctx, grad):
        y, t = ctx.saved_tensors
        return grad * (-t / torch.clamp(y, min=1e-12)), None


def loss_sum(z, y, t):
    return _CrossLoss.apply(y, t)
`;
  }
  throw new Error(`no PyTorch form for loss "${loss}"`);
}
