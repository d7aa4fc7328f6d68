#!/usr/bin/python3
"""Writes the PyTorch fixtures of the normalization and recurrent networks.

Run with Debian's interpreter and python3-torch (apt-get install -y python3-torch):
    /usr/bin/python3 tools/make_fixtures.py
Output: tests/SymGrad.IntegrationTests/Fixtures/*.json, committed; the tests only read them.

Every fixture holds the parameters, inputs, targets, loss and gradients, computed by PyTorch in
float64, with the parameters flattened in SymGrad's buffer order. The mapping from PyTorch:
  nn.Linear(in, out)     weight [out, in] row-major, then bias [out]      = SymGrad Linear
  nn.BatchNorm1d(f)      weight (gamma) [f], bias (beta) [f]              = SymGrad BatchNorm Weight, Bias;
                         running_mean, running_var                        = SymGrad State (RunningMean, RunningVariance)
  nn.LayerNorm(f)        weight [f], bias [f]                             = SymGrad LayerNorm Weight, Bias
  nn.RNN/LSTM/GRU(F, H)  weight_ih_l0 [G H, F], bias_ih_l0 [G H],
                         weight_hh_l0 [G H, H], bias_hh_l0 [G H]          = SymGrad cell InputHidden.Weight, InputHidden.Bias,
                                                                            HiddenHidden.Weight, HiddenHidden.Bias
                         (gate blocks in PyTorch's order: LSTM i, f, g, o; GRU r, z, n)
A sequence input (batch_first, [B, T, F]) flattened row-major is SymGrad's [B, T * F] input, step t
in columns [t F, (t + 1) F). The recurrent networks feed the last hidden state to nn.Linear(H, 2).
Every loss is nn.MSELoss() (mean over all elements).
"""
import json
import os

import torch
from torch import nn

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "SymGrad.IntegrationTests", "Fixtures")
BATCH = 8


def flat(tensors):
    return [float(v) for t in tensors for v in t.detach().reshape(-1).tolist()]


def data(seed, inputs, outputs):
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(BATCH, inputs, generator=g) * 4 - 2
    y = torch.rand(BATCH, outputs, generator=g) * 2 - 1
    return x, y


def evaluate(model, params, x, y):
    for p in params:
        p.grad = None
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    return {"inputs": flat([x]), "targets": flat([y]), "parameters": flat(params), "loss": float(loss), "gradients": flat([p.grad for p in params])}


class Mlp(nn.Module):
    def __init__(self, norm):
        super().__init__()
        self.fc1, self.norm, self.fc2 = nn.Linear(4, 6), norm, nn.Linear(6, 3)

    def forward(self, x):
        return self.fc2(torch.tanh(self.norm(self.fc1(x))))


def batch_norm():
    torch.manual_seed(1)
    model = Mlp(nn.BatchNorm1d(6))  # momentum 0.1, eps 1e-5
    with torch.no_grad():  # gamma and beta away from their initial 1 and 0, so that their role shows
        model.norm.weight.uniform_(0.5, 1.5)
        model.norm.bias.uniform_(-0.5, 0.5)
    params = [model.fc1.weight, model.fc1.bias, model.norm.weight, model.norm.bias, model.fc2.weight, model.fc2.bias]
    fixture = {"name": "batchnorm", "mapping": "fc1.weight, fc1.bias, bn.weight, bn.bias, fc2.weight, fc2.bias"}
    x, y = data(10, 4, 3)
    model.train()
    fixture["train"] = evaluate(model, params, x, y)  # also the first running-statistics update
    # Ten SGD steps (lr 0.1) on ten batches, then the running statistics and an evaluation-mode gradient.
    with torch.no_grad():
        model.norm.running_mean.zero_()
        model.norm.running_var.fill_(1)
        model.norm.num_batches_tracked.zero_()
    start = flat(params)
    steps = []
    optimizer = torch.optim.SGD(params, lr=0.1)
    for step in range(10):
        xs, ys = data(100 + step, 4, 3)
        optimizer.zero_grad()
        nn.functional.mse_loss(model(xs), ys).backward()
        optimizer.step()
        steps.append({"inputs": flat([xs]), "targets": flat([ys])})
    fixture["steps"] = {"learningRate": 0.1, "startParameters": start, "batches": steps,
                        "runningMean": flat([model.norm.running_mean]), "runningVariance": flat([model.norm.running_var])}
    model.eval()
    fixture["eval"] = evaluate(model, params, x, y)
    return fixture


def layer_norm():
    torch.manual_seed(2)
    model = Mlp(nn.LayerNorm(6))  # eps 1e-5
    with torch.no_grad():
        model.norm.weight.uniform_(0.5, 1.5)
        model.norm.bias.uniform_(-0.5, 0.5)
    params = [model.fc1.weight, model.fc1.bias, model.norm.weight, model.norm.bias, model.fc2.weight, model.fc2.bias]
    x, y = data(20, 4, 3)
    return {"name": "layernorm", "mapping": "fc1.weight, fc1.bias, ln.weight, ln.bias, fc2.weight, fc2.bias", "train": evaluate(model, params, x, y)}


class Recurrent(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.cell = {"rnn": lambda: nn.RNN(3, 4, batch_first=True), "lstm": lambda: nn.LSTM(3, 4, batch_first=True),
                     "gru": lambda: nn.GRU(3, 4, batch_first=True)}[kind]()
        self.head = nn.Linear(4, 2)

    def forward(self, x):
        out, _ = self.cell(x.reshape(x.shape[0], -1, 3))
        return self.head(out[:, -1, :])


def recurrent(kind, steps):
    torch.manual_seed(3 + steps)
    model = Recurrent(kind)
    c = model.cell
    params = [c.weight_ih_l0, c.bias_ih_l0, c.weight_hh_l0, c.bias_hh_l0, model.head.weight, model.head.bias]
    x, y = data(30 + steps, 3 * steps, 2)
    return {"name": kind + "_t" + str(steps), "steps": steps,
            "mapping": "cell.weight_ih_l0, cell.bias_ih_l0, cell.weight_hh_l0, cell.bias_hh_l0, head.weight, head.bias",
            "train": evaluate(model, params, x, y)}


def main():
    os.makedirs(OUT, exist_ok=True)
    fixtures = [batch_norm(), layer_norm()] + [recurrent(k, t) for k in ("rnn", "lstm", "gru") for t in (1, 5, 20)]
    for fixture in fixtures:
        fixture["generator"] = "tools/make_fixtures.py, torch " + torch.__version__
        with open(os.path.join(OUT, fixture["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(fixture, f, indent=1)
            f.write("\n")
        print("wrote", fixture["name"])


if __name__ == "__main__":
    main()
