using SymGrad.Benchmarks.Generic;

namespace SymGrad.Benchmarks.Suite;

/// <summary>
/// What <see cref="StepRunner"/> needs of a benchmark entry to build its four implementations from the same
/// parameters and run them on the same batch: the MLPs (<see cref="BenchmarkCase"/>) and the LSTMs (<see cref="LstmCase"/>).
/// </summary>
public interface IStepCase
{
    string Name { get; }

    int Batch { get; }

    INetwork<float> CreateGenerated(int seed);

    /// <summary>The generic implementation of the same network, starting from <paramref name="source"/>'s parameters.</summary>
    GenericNetwork CreateGeneric(INetwork<float> source, bool useKernels);

    /// <summary>A fixed batch of inputs and targets.</summary>
    (float[] Inputs, float[] Targets) CreateBatch(int seed);

    /// <summary>A fresh optimizer: each implementation gets its own (Adam keeps per-parameter moments), all with the same settings.</summary>
    Optimizer CreateOptimizer();
}
