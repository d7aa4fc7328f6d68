using System;
using SymGrad;

namespace GradientLab.Training;

/// <summary>The optimizers a command line can name, with the library's default hyperparameters.</summary>
public static class OptimizerChoice
{
    /// <summary>The accepted names, as typed on the command line.</summary>
    public static readonly string[] Names = { "sgd", "momentum", "adam", "adamw" };

    /// <summary>A new optimizer called <paramref name="name"/> (one of <see cref="Names"/>) with this learning rate.</summary>
    public static Optimizer Create(string name, double learningRate) => name switch
    {
        "sgd" => new Sgd(learningRate: learningRate),
        "momentum" => new Momentum(learningRate: learningRate),
        "adam" => new Adam(learningRate: learningRate),
        "adamw" => new AdamW(learningRate: learningRate),
        _ => throw new ArgumentException($"Unknown optimizer '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name)),
    };
}
