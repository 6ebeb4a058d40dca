"""Base class of the optimizers written out in Python (NN Lab's update rules, in the same operation order as
src/core/optimizers/*.ts so float64 runs agree to rounding). One step counter t is shared by all tensors, and
per-tensor state is created on a tensor's first step (Santa draws its noise then). Every step receives the
batch loss through the closure (`optimizer.step(lambda: loss)`), which Eve uses."""
import torch

# ---- exported ----

class NNLabOptimizer(torch.optim.Optimizer):
    """An NN Lab update rule: one step counter t (1 on the first step) for every tensor, state per
    tensor created on its first step by new_state(p), then update(p, g, state, t) in place."""

    def __init__(self, params, **hyper):
        super().__init__(params, hyper)
        self.h = hyper
        self.t = 0

    def begin_step(self, t, loss):
        """Global work before the tensors are updated (Eve's loss feedback)."""

    @torch.no_grad()
    def step(self, closure=None):
        loss = closure() if closure is not None else None
        self.t += 1
        self.begin_step(self.t, loss)
        for group in self.param_groups:
            for p in group["params"]:
                g = p.grad if p.grad is not None else torch.zeros_like(p)
                state = self.state[p]
                if not state:
                    state.update(self.new_state(p))
                self.update(p, g, state, self.t)
        return loss
