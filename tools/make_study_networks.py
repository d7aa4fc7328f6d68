#!/usr/bin/env python3
"""Writes GradientLab's study networks: samples/GradientLab/Networks/{Vanishing,Depth,Initialization}/*.cs.

[Network] classes are generated code, so a study over depths 2..20 needs one class per depth and
activation. They are written out here rather than by hand so that they cannot drift apart; the output
is ordinary, readable C# and is committed. Run from the repository root after changing this script:

    python3 tools/make_study_networks.py
"""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "GradientLab", "Networks")
WIDTH = 64

# activation name -> (C# call with {z}, default init, SymGrad lint it triggers on purpose or None)
ACTIVATIONS = {
    "Sigmoid": ("Sigmoid({z})", "XavierUniform", "SG0101"),
    "Tanh": ("Tanh({z})", "XavierUniform", "SG0101"),
    "Relu": ("Relu({z})", "HeNormal", None),
    "LeakyRelu": ("LeakyRelu({z}, 0.01f)", "HeNormal", None),
    "Elu": ("Elu({z}, 1f)", "HeNormal", None),
}

LINT_REASONS = {
    "SG0101": "SG0101 warns that a chain of sigmoid/tanh layers bounds the gradient; measuring that is this network's purpose.",
    "SG0102": "SG0102 warns about ReLU with Xavier init; comparing it with He init is this network's purpose.",
}


def network(namespace, name, summary, hidden, activation, init=None, residual=False, batch_norm=False, lints=(), branch_init=None):
    call, default_init, lint = ACTIVATIONS[activation]
    init = init or default_init
    lints = sorted(set(lints) | ({lint} if lint and not residual and not batch_norm else set()))
    lines = ["// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.", "using SymGrad;", "",
             f"namespace {namespace};", ""]
    for l in lints:
        lines.append(f"// {LINT_REASONS[l]}")
        lines.append(f"#pragma warning disable {l}")
    lines += [f"/// <summary>{summary}</summary>", "[Network(MaxBatchSize = 64, Instrumentation = true)]",
              f"public partial class {name}", "{"]
    for i in range(1, hidden + 1):
        fan_in = 784 if i == 1 else WIDTH
        layer_init = branch_init if residual and branch_init and i > 1 else init
        lines.append(f"    readonly Linear fc{i} = new({fan_in}, {WIDTH}, Init.{layer_init});")
        if batch_norm:
            lines.append(f"    readonly BatchNorm bn{i} = new({WIDTH});")
    lines.append(f"    readonly Linear output = new({WIDTH}, 10, Init.XavierUniform);")
    lines += ["", "    [Forward]", "    Tensor Forward(Tensor x)", "    {"]
    for i in range(1, hidden + 1):
        source = "x" if i == 1 else "h"
        z = f"fc{i}.Forward({source})"
        if batch_norm:
            z = f"bn{i}.Forward({z})"
        a = call.format(z=z)
        if i == 1:
            lines.append(f"        var h = {a};")
        elif residual:
            lines.append(f"        h = h + {a};")
        else:
            lines.append(f"        h = {a};")
    lines += ["        return output.Forward(h);", "    }", "", "    [Loss]",
              "    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);", "}"]
    for l in reversed(lints):
        lines.append(f"#pragma warning restore {l}")
    return "\n".join(lines) + "\n"


def write(folder, name, text):
    path = os.path.join(ROOT, folder, name + ".cs")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as f:
        f.write(text)


def main():
    # The vanishing study: equal depth (8 hidden layers of 64) and budget, different remedies.
    ns = "GradientLab.Networks.Vanishing"
    shape = f"784 -> {WIDTH} x 8 -> 10"
    write("Vanishing", "SigmoidNet", network(ns, "SigmoidNet", f"{shape}, sigmoid, Xavier init: the vanishing case.", 8, "Sigmoid"))
    write("Vanishing", "TanhNet", network(ns, "TanhNet", f"{shape}, tanh, Xavier init.", 8, "Tanh"))
    write("Vanishing", "ReluNet", network(ns, "ReluNet", f"{shape}, ReLU, He init.", 8, "Relu"))
    write("Vanishing", "LeakyReluNet", network(ns, "LeakyReluNet", f"{shape}, LeakyReLU (slope 0.01), He init.", 8, "LeakyRelu"))
    write("Vanishing", "EluNet", network(ns, "EluNet", f"{shape}, ELU (alpha 1), He init.", 8, "Elu"))
    write("Vanishing", "ResidualReluNet", network(ns, "ResidualReluNet",
          f"{shape}, ReLU, residual: every layer after the first is h = h + Relu(fc(h)). The first layer has He init; the branches"
          " LeCun init (variance 1/fan_in), since with He init each branch doubles the variance of the sum.", 8, "Relu", residual=True,
          branch_init="LeCunNormal"))
    write("Vanishing", "SigmoidBatchNormNet", network(ns, "SigmoidBatchNormNet",
          f"{shape}, sigmoid after batch normalization of every layer, Xavier init.", 8, "Sigmoid", batch_norm=True))

    # The depth study: depth = hidden layers, 2..20, at initialization.
    ns = "GradientLab.Networks.Depth"
    for depth in range(2, 21):
        for activation, label in (("Sigmoid", "sigmoid, Xavier init"), ("Tanh", "tanh, Xavier init"), ("Relu", "ReLU, He init")):
            name = f"{activation}Depth{depth:02d}"
            write("Depth", name, network(ns, name, f"784 -> {WIDTH} x {depth} -> 10, {label}.", depth, activation))
    write("Depth", "ResidualSigmoidDepth20", network(ns, "ResidualSigmoidDepth20",
          f"784 -> {WIDTH} x 20 -> 10, sigmoid, Xavier init, residual: every layer after the first is h = h + Sigmoid(fc(h)).",
          20, "Sigmoid", residual=True))

    # One switch from (activation, depth) to a constructor: generated classes share no base type.
    cases = []
    for activation in ("Sigmoid", "Tanh", "Relu"):
        for depth in range(2, 21):
            name = f"{activation}Depth{depth:02d}"
            cases.append(f'            case ("{activation}", {depth}): {{ var n = new {name}(seed); return new(n, n.Statistics); }}')
    registry = "\n".join([
        "// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.",
        "using System;", "using GradientLab.Studies;", "", "namespace GradientLab.Networks.Depth;", "",
        "/// <summary>The depth study's networks by activation (Sigmoid, Tanh, Relu) and depth (2 to 20 hidden layers).</summary>",
        "public static class DepthNetworks", "{",
        "    public const int MinDepth = 2;", "", "    public const int MaxDepth = 20;", "",
        "    /// <summary>The network with <paramref name=\"depth\"/> hidden layers of <paramref name=\"activation\"/>.</summary>",
        "    public static InstrumentedNetwork Create(string activation, int depth, int seed)",
        "    {", "        switch (activation, depth)", "        {"] + cases + [
        "            default: throw new ArgumentOutOfRangeException(nameof(depth), depth, $\"Expected Sigmoid, Tanh or Relu and a depth in [{MinDepth}, {MaxDepth}], but got {activation} at {depth}.\");",
        "        }", "    }", "}", ""])
    with open(os.path.join(ROOT, "Depth", "DepthNetworks.cs"), "w", newline="\n") as f:
        f.write(registry)

    # The init study: ReLU with Xavier (the He counterpart is Vanishing.ReluNet).
    ns = "GradientLab.Networks.Initialization"
    write("Initialization", "ReluXavierNet", network(ns, "ReluXavierNet", f"{shape}, ReLU, Xavier init: too small for ReLU by sqrt(2) per layer.",
          8, "Relu", init="XavierUniform", lints=("SG0102",)))
    # tanh with Glorot and Bengio's "standard" init (the Xavier counterpart is Vanishing.TanhNet).
    write("Initialization", "TanhStandardNet", network(ns, "TanhStandardNet",
          f"{shape}, tanh, the \"standard\" init U[-1/sqrt(fan_in), 1/sqrt(fan_in)]: too small for tanh by sqrt(3) per layer.",
          8, "Tanh", init="StandardUniform"))


if __name__ == "__main__":
    main()
