"""The model-independent part of the exported script: weight initialisation (NN Lab's order and
initialisers), accuracy, the training loop (NN Lab's split, shuffle and batching, optionally data-parallel
under torchrun), reporting, checkpoint and ONNX export, and the command line."""
import argparse
import json
import math
import os
import sys
import time
import warnings

import torch
import torch.nn as nn
from script import (
    BATCH_SIZE,
    CLASSIFICATION,
    CLIP_NORM,
    EARLY_STOPPING,
    EPOCHS,
    HERE,
    INIT,
    INPUTS,
    L1,
    L2,
    LR0,
    NAME,
    SCHEDULE,
    SEED,
    SHUFFLE,
    START_WEIGHTS,
    VALIDATION_FILE,
    VALIDATION_SPLIT,
    EarlyStopping,
    Net,
    NNLabRng,
    add_penalties,
    load_data,
    loss_sum,
    make_optimizer,
    make_schedule,
    penalized_weights,
    set_lr,
)

# ---- exported ----

def linear_layers(model):
    """The weighted layers in NN Lab's order: each nn.Linear (also inside Maxout) and each module
    that initialises and loads itself (nnlab_init / nnlab_load, e.g. a registered layer kind's)."""
    return [m for m in model.modules() if isinstance(m, nn.Linear) or hasattr(m, "nnlab_init")]


def _as_torch_weight(flat, fan_in, fan_out):
    """NN Lab stores W[inputs x units] row-major and computes x W; nn.Linear holds W transposed."""
    return torch.tensor(flat, dtype=torch.float64).view(fan_in, fan_out).t()


@torch.no_grad()
def init_weights(model, rng):
    """NN Lab's initial weights, drawn layer by layer (W row by row, then b) from the run's generator:
    normal: W, b ~ scale N(0, 1); xavier: W ~ N(0, 2/(fan_in + fan_out)), b = 0; he: W ~ N(0, 2/fan_in), b = 0."""
    for linear, (kind, scale) in zip(linear_layers(model), INIT):
        if hasattr(linear, "nnlab_init"):
            linear.nnlab_init(rng, kind, scale)
            continue
        fan_in, fan_out = linear.in_features, linear.out_features
        if kind == "normal":
            std = scale
        elif kind == "xavier":
            std = math.sqrt(2 / (fan_in + fan_out))
        else:
            std = math.sqrt(2 / fan_in)
        w = [std * rng.normal() for _ in range(fan_in * fan_out)]
        b = [scale * rng.normal() for _ in range(fan_out)] if kind == "normal" else [0.0] * fan_out
        linear.weight.copy_(_as_torch_weight(w, fan_in, fan_out))
        linear.bias.copy_(torch.tensor(b, dtype=torch.float64))


@torch.no_grad()
def load_start_weights(model):
    """Replaces the drawn weights by the saved ones NN Lab continues from (after drawing, as NN Lab does)."""
    with open(HERE / START_WEIGHTS, encoding="utf-8") as f:
        saved = json.load(f)["layers"]
    for linear, layer in zip(linear_layers(model), saved):
        if hasattr(linear, "nnlab_load"):
            linear.nnlab_load(layer)
            continue
        linear.weight.copy_(_as_torch_weight(layer["w"], linear.in_features, linear.out_features))
        linear.bias.copy_(torch.tensor(layer["b"], dtype=torch.float64))


def count_correct(y, t):
    """Samples classified right: one column, y >= 0.5 against t >= 0.5; several, arg-max (first on ties)."""
    if y.shape[1] == 1:
        return ((y >= 0.5) == (t >= 0.5)).sum()
    return (y.argmax(dim=1) == t.argmax(dim=1)).sum()


def _loss_text(x):
    return f"{x:.6f}" if not math.isfinite(x) or abs(x) >= 1e-4 else f"{x:.3e}"


def _epoch_text(r):
    width = len(str(r["epochs"]))
    parts = [f"epoch {r['epoch']:>{width}}/{r['epochs']}", f"loss {_loss_text(r['loss'])}"]
    if "accuracy" in r:
        parts.append(f"acc {100 * r['accuracy']:.1f}%")
    if "valLoss" in r:
        parts.append(f"val_loss {_loss_text(r['valLoss'])}")
    if "valAccuracy" in r:
        parts.append(f"val_acc {100 * r['valAccuracy']:.1f}%")
    return "  ".join(parts)


def parse_args(argv):
    p = argparse.ArgumentParser(description=f"Train {NAME} with PyTorch as NN Lab does (exported by nn-lab export).")
    p.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs to train (default {EPOCHS})")
    p.add_argument(
        "--seed", type=int, default=SEED, help=f"seed of the split, initial weights, noise and shuffles (default {SEED}; the data file stays as written)"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per epoch, then a summary")
    p.add_argument("--dtype", choices=["float32", "float64"], default="float32", help="float64 reproduces NN Lab")
    p.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N")
    p.add_argument("--save", metavar="MODEL_PT", help="write a checkpoint (state dicts and history) here")
    p.add_argument("--onnx", metavar="MODEL_ONNX", help="export the trained network to ONNX here")
    return p.parse_args(argv)


def save_onnx(model, path, dtype, device):
    """The trained network (inputs -> outputs, output activation included) as ONNX, batch size free."""

    class Predict(nn.Module):
        def __init__(self, net):
            super().__init__()
            self.net = net

        def forward(self, x):
            return self.net(x)[1]

    example = torch.zeros(1, INPUTS, dtype=dtype, device=device)
    options = dict(input_names=["input"], output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript-based exporter is deprecated but needs no onnxscript
        try:
            torch.onnx.export(Predict(model).eval(), (example,), path, dynamo=False, **options)
        except TypeError:  # PyTorch before 2.5 has no dynamo argument
            torch.onnx.export(Predict(model).eval(), (example,), path, **options)


def train(args, dtype, device, rank, world):
    """NN Lab's training loop; returns the list of epoch reports."""
    x_rows, y_rows = load_data()
    n = len(x_rows)
    X = torch.tensor(x_rows, dtype=torch.float64).to(device=device, dtype=dtype)
    T = torch.tensor(y_rows, dtype=torch.float64).to(device=device, dtype=dtype)
    # One generator drives, in order: the validation split, the initial weights, the optimizer's
    # noise (Santa) and each epoch's shuffle.
    rng = NNLabRng(args.seed)
    order = list(range(n))
    # A validationData set replaces the split: every sample trains.
    n_val = 0 if VALIDATION_FILE else math.floor(n * VALIDATION_SPLIT)
    if n_val > 0:
        rng.shuffle(order)
    train_idx, val_idx = order[: n - n_val], order[n - n_val :]
    n_train = len(train_idx)
    model = Net().to(torch.float64)
    init_weights(model, rng)
    if START_WEIGHTS:
        load_start_weights(model)
    model.to(device=device, dtype=dtype)
    params = list(model.parameters())
    optimizer = make_optimizer(params, rng)
    # The optional training keys: penalties on the weight matrices, a schedule of the learning rate, early stopping.
    weights = penalized_weights(model)
    schedule = make_schedule(SCHEDULE, LR0, args.epochs) if SCHEDULE is not None and LR0 is not None else None
    stopper = None
    if EARLY_STOPPING is not None:
        monitor = EARLY_STOPPING["monitor"] or ("valLoss" if n_val > 0 or VALIDATION_FILE else "loss")
        stopper = EarlyStopping({**EARLY_STOPPING, "monitor": monitor}, model)
    lr, stopped_epoch = LR0, None
    net = model
    if world > 1:
        from torch.nn.parallel import DistributedDataParallel

        net = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    batch = max(1, min(BATCH_SIZE, n_train))

    def index(ids):
        return torch.tensor(ids, dtype=torch.long, device=device)

    X_val, T_val = X[index(val_idx)], T[index(val_idx)]
    # Modules that must know the whole mini-batch (dropout draws the masks of all of it, every rank its rows).
    batch_aware = [m for m in model.modules() if hasattr(m, "nnlab_batch")]
    if world > 1 and rank == 0:
        for note in sorted({m.nnlab_data_parallel_note for m in model.modules() if hasattr(m, "nnlab_data_parallel_note")}):
            print(f"note: {note}", file=sys.stderr, flush=True)
    if VALIDATION_FILE:
        with open(HERE / VALIDATION_FILE, encoding="utf-8") as f:
            held = json.load(f)
        X_val = torch.tensor(held["x"], dtype=torch.float64).to(device=device, dtype=dtype)
        T_val = torch.tensor(held["y"], dtype=torch.float64).to(device=device, dtype=dtype)
        n_val = len(held["x"])
    history, status, message = [], "completed", None
    started = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        epoch_start = time.perf_counter()
        if schedule is not None:
            lr = schedule[0](epoch - 1)
            set_lr(optimizer, lr)
        if SHUFFLE:
            rng.shuffle(train_idx)
        loss_total, correct = 0.0, 0
        model.train()  # dropout masks, batch statistics
        for start in range(0, n_train, batch):
            ids = train_idx[start : start + batch]
            count = len(ids)
            # Data parallel: each rank takes its slice of the global mini-batch; its loss is scaled so
            # that DDP's mean over ranks of the gradients is the gradient of the whole batch's mean loss.
            first, end = rank * count // world, (rank + 1) * count // world
            mine = index(ids[first:end])
            for m in batch_aware:
                m.nnlab_batch(count, first)
            xb, tb = X[mine], T[mine]
            optimizer.zero_grad()
            z, y = net(xb)
            local = loss_sum(z, y, tb)
            ((local / count) * world).backward()
            stats = torch.stack([local.detach(), count_correct(y.detach(), tb).to(local.dtype)])
            if world > 1:
                torch.distributed.all_reduce(stats)
            loss = stats[0].item() / count
            if not math.isfinite(loss):
                status, message = "diverged", f"Training diverged in epoch {epoch}: loss became {loss}."
                break
            loss_total += loss * count
            correct += int(stats[1].item())
            add_penalties(weights, L1, L2)
            if CLIP_NORM is not None:
                torch.nn.utils.clip_grad_norm_(params, CLIP_NORM)
            optimizer.step(lambda: loss)  # noqa: B023 (called at once)  Eve uses the batch loss; the others ignore it
            if not all(bool(torch.isfinite(p).all()) for p in params):
                status, message = "diverged", f"Training diverged in epoch {epoch}: a weight is not finite."
                break
        if status != "completed":
            break
        report = {"type": "epoch", "epoch": epoch, "epochs": args.epochs, "loss": loss_total / n_train}
        if lr is not None:
            report["lr"] = lr
        if CLASSIFICATION:
            report["accuracy"] = correct / n_train
        model.eval()  # no dropout, running statistics
        if n_val > 0:
            with torch.no_grad():
                z, y = model(X_val)
                report["valLoss"] = loss_sum(z, y, T_val).item() / n_val
                if CLASSIFICATION:
                    report["valAccuracy"] = int(count_correct(y, T_val)) / n_val
        now = time.perf_counter()
        report["elapsed"] = now - started
        report["samplesPerSecond"] = n_train / (now - epoch_start) if now > epoch_start else 0
        history.append(report)
        if rank == 0:
            print(json.dumps(report) if args.json else _epoch_text(report), flush=True)
        if schedule is not None:
            schedule[1](report.get("valLoss", report["loss"]))  # ReduceLROnPlateau's loss
        if stopper is not None and stopper.observe(report) and epoch < args.epochs:
            stopped_epoch = epoch
            break
    # However the run ended, early stopping's best weights are restored before saving or export.
    restored = stopper.restore() if stopper is not None else None
    seconds = time.perf_counter() - started
    summary = {"type": "summary", "status": status, "epochs": len(history), "seconds": seconds}
    summary["samplesPerSecond"] = n_train * len(history) / seconds if seconds > 0 else 0
    if message:
        summary["message"] = message
    summary["bestEpoch"] = stopper.best_epoch if stopper is not None else None
    summary["stoppedEpoch"] = stopped_epoch
    if stopped_epoch is not None:
        summary["message"] = f"Training stopped early at epoch {stopped_epoch}" + (f", restored epoch {restored}." if restored else ".")
    if history:
        last = history[restored - 1] if restored else history[-1]  # the metrics of the weights it ends with
        summary["finalLoss"] = last["loss"]
        for key in ("accuracy", "valLoss", "valAccuracy"):
            if key in last:
                summary[key] = last[key]
    if rank == 0:
        if args.save:
            state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "history": history}
            torch.save({"format": "nn-lab-pytorch", "name": NAME, **state}, args.save)
        if args.onnx:
            save_onnx(model, args.onnx, dtype, device)
        if args.json:
            print(json.dumps(summary), flush=True)
        else:
            final = f"  loss {_loss_text(summary['finalLoss'])}" if history else ""
            print(f"{'done' if status == 'completed' else status} after {len(history)} epochs in {seconds:.2f} s" + final)
            if message:
                print(message)
    return history


def main(argv=None):
    """Parses the command line, sets up torchrun's process group when there is one, trains; returns the history."""
    args = parse_args(argv)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    device = torch.device(args.device)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    if world > 1:
        import torch.distributed as dist

        if device.type == "cuda":
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
            torch.cuda.set_device(device)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    try:
        return train(args, dtype, device, rank, world)
    finally:
        if world > 1:
            dist.destroy_process_group()


if __name__ == "__main__":
    main()
