"""`loss_sum(z, y, t)` for NN Lab's Square loss: the SUM over the given samples of each sample's loss (summed over
its outputs); the training loop divides by the global batch size, giving NN Lab's L = (1/N) sum_n sum_j l(y_nj, t_nj).
z are the output layer's logits, y its outputs."""


# ---- exported ----

def loss_sum(z, y, t):
    """Square: sum over samples of 1/2 sum_j (y_j - t_j)^2."""
    d = y - t
    return 0.5 * (d * d).sum()
