using System;
using System.Collections.Generic;
using SymGrad.Benchmarks.Generic;

namespace SymGrad.Benchmarks.Suite;

/// <summary>
/// One LSTM entry of the quick run (LstmNetworks.cs, RolledLstmNetworks.cs): T steps of F = 8 features, H = 32, a dense
/// head to 4 outputs, MSE, batch 32, Adam (learning rate 1e-3), as the README's "Generated code size and speed by T"
/// measures it. <see cref="HasGeneric"/> entries are also timed as the generic implementation; the rolled and unrolled
/// variants differ only in generated code, so the generic LSTM of the same T would time the same.
/// </summary>
public sealed class LstmCase : IStepCase
{
    public const int Features = 8, Hidden = 32, Outputs = 4, BatchSize = 32;

    private readonly Func<int, INetwork<float>> _create;

    private LstmCase(string name, int steps, bool hasGeneric, Func<int, INetwork<float>> create)
    {
        Name = name;
        Steps = steps;
        HasGeneric = hasGeneric;
        _create = create;
    }

    public string Name { get; }
    public int Steps { get; }
    public bool HasGeneric { get; }
    public int Batch => BatchSize;

    /// <summary>The entries of `--quick`'s <c>lstm[]</c>, in order.</summary>
    public static IReadOnlyList<LstmCase> All { get; } = new[]
    {
        new LstmCase("LstmT10", 10, true, seed => new LstmT10(seed)),
        new LstmCase("LstmT10Rolled", 10, false, seed => new LstmT10Rolled(seed)),
        new LstmCase("LstmT20", 20, true, seed => new LstmT20(seed)),
        new LstmCase("LstmT50", 50, true, seed => new LstmT50(seed)),
        new LstmCase("LstmT50Unrolled", 50, false, seed => new LstmT50Unrolled(seed)),
        new LstmCase("LstmT100Rolled", 100, false, seed => new LstmT100Rolled(seed)),
        new LstmCase("LstmT100Unrolled", 100, false, seed => new LstmT100Unrolled(seed)),
    };

    public INetwork<float> CreateGenerated(int seed) => _create(seed);

    /// <summary>An <see cref="LstmLayer"/> and a <see cref="DenseLayer"/> head with MSE, in the generated buffer's order (lstm, then head).</summary>
    public GenericNetwork CreateGeneric(INetwork<float> source, bool useKernels)
    {
        var layers = new GenericLayer[]
        {
            new LstmLayer(Steps, Features, Hidden, useKernels),
            new DenseLayer(Hidden, Outputs, useKernels),
        };
        var network = new GenericNetwork(layers, new MeanSquaredErrorLoss(), Batch);
        if (source.ParameterCount != network.Parameters.Length)
        {
            throw new ArgumentException($"Expected a network of {network.Parameters.Length} parameters, got {source.ParameterCount}.", nameof(source));
        }
        source.Parameters.CopyTo(network.Parameters);
        return network;
    }

    /// <summary>Inputs and targets uniform in [-1, 1), from <paramref name="seed"/> and <paramref name="seed"/> + 1.</summary>
    public (float[] Inputs, float[] Targets) CreateBatch(int seed) =>
        (LstmBenchmarks.Data(Batch * Steps * Features, (ulong)seed), LstmBenchmarks.Data(Batch * Outputs, (ulong)seed + 1));

    public Optimizer CreateOptimizer() => new Adam(1e-3);
}
