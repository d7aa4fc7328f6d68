#!/usr/bin/env python3
"""The SymGrad benchmark networks in PyTorch: one SGD training step, one thread, the same timing protocol
and JSON fields as `SymGrad.Benchmarks --quick` (networks[].implementations.pytorch.{us_per_step, gflops}), and the
LSTMs of its lstm[] with Adam (lstm[].pytorch_us_per_step).

    /usr/bin/python3 tools/bench_pytorch.py                 # JSON on stdout
    /usr/bin/python3 tools/bench_pytorch.py --smoke         # seconds, for checking the script runs

Uses Debian's python3-torch (apt-get install python3-torch libopenblas0-pthread). For a fair timing run it
with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (tools/bench_side_by_side.sh does), so that OpenBLAS picks
its own kernel for the CPU.
"""
import json
import platform
import statistics
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)

# name, batch, widths (input, then each layer's output), activation, loss: as BenchmarkCase.All in C#.
NETWORKS = [
    ("2-16-16-1", 32, [2, 16, 16, 1], "tanh", "mse"),
    ("64-32-10", 32, [64, 32, 10], "relu", "ce"),
    ("784-128-64-10", 64, [784, 128, 64, 10], "relu", "ce"),
    ("784-256-256-10", 128, [784, 256, 256, 10], "relu", "ce"),
    ("sigmoid-10x64", 32, [64] * 11 + [10], "sigmoid", "ce"),
]

# The LSTM entries of `--quick`'s lstm[] that have all implementations (LstmNetworks.cs): T steps of F features,
# H hidden units, a Linear head on the last h, MSE, batch 32, Adam(lr=1e-3) as on the C# side.
LSTMS = [("LstmT10", 10), ("LstmT20", 20), ("LstmT50", 50)]
LSTM_FEATURES, LSTM_HIDDEN, LSTM_OUTPUTS, LSTM_BATCH = 8, 32, 4, 32

ACTIVATIONS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid}


def dense_flops(batch, widths):
    """2 FLOPs per multiply-add of forward, dW and dX per layer; no dX for the first layer (as in C#)."""
    total = 0
    for k in range(len(widths) - 1):
        total += 2 * batch * widths[k] * widths[k + 1] * (2 if k == 0 else 3)
    return total


def build(widths, activation):
    layers = []
    for k in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[k], widths[k + 1]))
        if k + 2 < len(widths):
            layers.append(ACTIVATIONS[activation]())
    return torch.nn.Sequential(*layers)


def lstm_step(steps):
    """One Adam step of torch.nn.LSTM (batch-first, h0 = c0 = 0) with a Linear head on the last hidden state, MSE."""
    lstm = torch.nn.LSTM(LSTM_FEATURES, LSTM_HIDDEN, batch_first=True)
    head = torch.nn.Linear(LSTM_HIDDEN, LSTM_OUTPUTS)
    optimizer = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=1e-3)
    x = torch.rand(LSTM_BATCH, steps, LSTM_FEATURES) * 2 - 1
    target = torch.rand(LSTM_BATCH, LSTM_OUTPUTS) * 2 - 1
    loss_fn = torch.nn.MSELoss()

    def step():
        optimizer.zero_grad(set_to_none=False)
        output, _ = lstm(x)
        loss = loss_fn(head(output[:, -1]), target)
        loss.backward()
        optimizer.step()

    return step


def measure(call, warmup_seconds, round_seconds, rounds):
    """Warm up, then the median over rounds of the time per call, in microseconds (QuickRunner's protocol)."""
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < warmup_seconds or calls < 2:
        call()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    per_round = max(1, min(1_000_000, int(round_seconds / per_call)))
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(per_round):
            call()
        samples.append((time.perf_counter() - t0) * 1e6 / per_round)
    return statistics.median(samples)


def main():
    smoke = "--smoke" in sys.argv
    warmup, round_seconds, rounds = (0.005, 0.001, 3) if smoke else (0.4, 0.02, 21)
    result = {
        "machine": {"python": platform.python_version(), "torch": torch.__version__, "threads": torch.get_num_threads()},
        "networks": [],
    }
    for name, batch, widths, activation, loss_name in NETWORKS:
        model = build(widths, activation)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        x = torch.rand(batch, widths[0])
        if loss_name == "mse":
            target = torch.rand(batch, widths[-1]) * 2 - 1
            loss_fn = torch.nn.MSELoss()
        else:
            target = torch.randint(0, widths[-1], (batch,))
            loss_fn = torch.nn.CrossEntropyLoss()

        def step():
            optimizer.zero_grad(set_to_none=False)
            loss = loss_fn(model(x), target)
            loss.backward()
            optimizer.step()

        us = measure(step, warmup, round_seconds, rounds)
        flops = dense_flops(batch, widths)
        result["networks"].append({
            "name": name,
            "batch": batch,
            "dense_mflop_per_step": round(flops / 1e6, 3),
            "implementations": {"pytorch": {"us_per_step": round(us, 3), "gflops": round(flops / us / 1e3, 3)}},
        })
    result["lstm"] = [
        {"name": name, "steps": steps, "batch": LSTM_BATCH, "pytorch_us_per_step": round(measure(lstm_step(steps), warmup, round_seconds, rounds), 3)}
        for name, steps in LSTMS
    ]
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
