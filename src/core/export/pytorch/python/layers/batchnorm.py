"""NN Lab's batchnorm layer: torch.nn.BatchNorm1d, initialised and loaded in NN Lab's order."""
import torch
import torch.nn as nn

# ---- exported ----

class NNLabBatchNorm(nn.BatchNorm1d):
    """y = gamma (x - mean) / sqrt(var + eps) + beta: the batch's mean and biased variance in training
    (running statistics updated with momentum, the variance unbiased), the running ones in evaluation."""

    nnlab_data_parallel_note = (
        "batchnorm layers compute their statistics on each process's share of the mini-batch under torchrun, "
        "so the history differs from NN Lab's single-process one"
    )

    @torch.no_grad()
    def nnlab_init(self, rng, kind, scale):
        self.reset_parameters()  # gamma = 1, beta = 0, running mean 0, running variance 1

    @torch.no_grad()
    def nnlab_load(self, layer):
        for name, tensor in (
            ("gamma", self.weight),
            ("beta", self.bias),
            ("runningMean", self.running_mean),
            ("runningVar", self.running_var),
        ):
            tensor.copy_(torch.tensor(layer[name], dtype=tensor.dtype))


class NNLabBatchNorm2d(nn.BatchNorm2d):
    """NNLabBatchNorm per channel of an image: the statistics over the batch and every pixel of the channel."""

    nnlab_data_parallel_note = NNLabBatchNorm.nnlab_data_parallel_note
    nnlab_init = NNLabBatchNorm.nnlab_init
    nnlab_load = NNLabBatchNorm.nnlab_load
