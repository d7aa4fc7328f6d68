using System;
using System.Collections.Generic;
using System.Linq;

namespace SymGrad.IntegrationTests.Zoo;

/// <summary>How a zoo network's targets are drawn (they must be valid for its loss).</summary>
public enum TargetKind
{
    /// <summary>Uniform in [-1, 1): regression targets for mean squared error.</summary>
    Regression,
    /// <summary>One-hot rows: class labels for softmax cross-entropy.</summary>
    OneHot,
    /// <summary>Rows of positive values summing to 1: soft labels (softmax cross-entropy, or MSE on a softmax head).</summary>
    Distribution,
    /// <summary>Uniform in [0, 1): probabilities for binary cross-entropy.</summary>
    Probability,
}

/// <summary>A zoo network: its float and double classes, its targets, and the odd batch it is tested at (besides 1).</summary>
/// <param name="Name">The class name without the F/D suffix (also the file name).</param>
/// <param name="CreateFloat">Builds the float class from a seed.</param>
/// <param name="CreateDouble">Builds the double class from a seed.</param>
/// <param name="Targets">What the loss expects as targets.</param>
/// <param name="OddBatch">An odd batch size no larger than the network's MaxBatchSize.</param>
public sealed record ZooEntry(
    string Name,
    Func<int, INetwork<float>> CreateFloat,
    Func<int, INetwork<double>> CreateDouble,
    TargetKind Targets,
    int OddBatch)
{
    /// <summary>The batch sizes every equivalence test runs: 1 and an odd one.</summary>
    public IEnumerable<int> Batches => new[] { 1, OddBatch };

    public override string ToString() => Name;
}

/// <summary>Every zoo network, one row per file under Zoo/.</summary>
public static class ZooCatalog
{
    public static IReadOnlyList<ZooEntry> All { get; } = new ZooEntry[]
    {
        new("ZooSingleLinear", s => new ZooSingleLinearF(s), s => new ZooSingleLinearD(s), TargetKind.Regression, 3),
        new("ZooSigmoidMlp", s => new ZooSigmoidMlpF(s), s => new ZooSigmoidMlpD(s), TargetKind.Probability, 5),
        new("ZooTanhMlp", s => new ZooTanhMlpF(s), s => new ZooTanhMlpD(s), TargetKind.Regression, 7),
        new("ZooReluClassifier", s => new ZooReluClassifierF(s), s => new ZooReluClassifierD(s), TargetKind.OneHot, 3),
        new("ZooLeakyReluMlp", s => new ZooLeakyReluMlpF(s), s => new ZooLeakyReluMlpD(s), TargetKind.Regression, 5),
        new("ZooEluSoftTargets", s => new ZooEluSoftTargetsF(s), s => new ZooEluSoftTargetsD(s), TargetKind.Distribution, 7),
        new("ZooGeluRegressor", s => new ZooGeluRegressorF(s), s => new ZooGeluRegressorD(s), TargetKind.Regression, 3),
        new("ZooSiluMultiLabel", s => new ZooSiluMultiLabelF(s), s => new ZooSiluMultiLabelD(s), TargetKind.Probability, 7),
        new("ZooSoftmaxHead", s => new ZooSoftmaxHeadF(s), s => new ZooSoftmaxHeadD(s), TargetKind.Distribution, 5),
        new("ZooResidualRelu", s => new ZooResidualReluF(s), s => new ZooResidualReluD(s), TargetKind.OneHot, 3),
        new("ZooWeightSharedLoop", s => new ZooWeightSharedLoopF(s), s => new ZooWeightSharedLoopD(s), TargetKind.Regression, 5),
        new("ZooGatedElementwise", s => new ZooGatedElementwiseF(s), s => new ZooGatedElementwiseD(s), TargetKind.Regression, 7),
        new("ZooDeepNarrow10", s => new ZooDeepNarrow10F(s), s => new ZooDeepNarrow10D(s), TargetKind.Regression, 3),
        new("ZooWide300", s => new ZooWide300F(s), s => new ZooWide300D(s), TargetKind.Regression, 3),
        new("ZooBottleneck", s => new ZooBottleneckF(s), s => new ZooBottleneckD(s), TargetKind.Probability, 7),
        new("ZooMixedActivations", s => new ZooMixedActivationsF(s), s => new ZooMixedActivationsD(s), TargetKind.OneHot, 5),
    };

    /// <summary>The entry named <paramref name="name"/>.</summary>
    public static ZooEntry Get(string name) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException($"No zoo network named '{name}'.", nameof(name));

    /// <summary>Theory rows: every network at batch 1 and at its odd batch.</summary>
    public static TheoryData<string, int> NetworksAndBatches()
    {
        var data = new TheoryData<string, int>();
        foreach (var entry in All)
        {
            foreach (int batch in entry.Batches)
            {
                data.Add(entry.Name, batch);
            }
        }
        return data;
    }

    /// <summary>Theory rows: every network name.</summary>
    public static TheoryData<string> Networks() => new(All.Select(e => e.Name));
}
