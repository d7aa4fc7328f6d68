using System;
using System.Linq;
using SymGrad.IntegrationTests.Support;
using SymGrad.IntegrationTests.Zoo;
using Xunit.Abstractions;

namespace SymGrad.IntegrationTests;

/// <summary>
/// Generated code against the reference tape (the user's own [Forward] and [Loss] run on Tensor),
/// for every zoo network at batch 1 and at an odd batch. Metric: <see cref="GradientAssert"/>.
/// </summary>
public sealed class EquivalenceTests(ITestOutputHelper output)
{
    /// <summary>Double networks: both paths compute in double, so only summation order differs.</summary>
    private const double DoubleTolerance = 1e-10;

    /// <summary>
    /// Float networks against the double reference run on the same (float) parameters and inputs:
    /// float rounding of the generated path only (2^-24 per op, grown by the sums over widths up to 300),
    /// on the entries that are well-conditioned at float precision (<see cref="FloatConditioning"/>).
    /// </summary>
    private const double FloatTolerance = 1e-4;

    private const int Seed = 1;

    [Theory]
    [MemberData(nameof(ZooCatalog.NetworksAndBatches), MemberType = typeof(ZooCatalog))]
    public void DoubleGradientsMatchReference(string name, int batch)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateDouble(Seed);
        var (inputs, targets) = Data(entry, network.InputSize, network.OutputSize, batch);
        // Whatever the buffer held must not survive: layers called once overwrite their slice, the rest is cleared.
        network.Gradients.Fill(double.NaN);

        double loss = network.ComputeGradients(inputs, targets);
        double[] gradients = network.Gradients.ToArray();
        var reference = network.ComputeReferenceGradients(inputs, targets);

        GradientAssert.ScalarEqual(reference.Loss, loss, DoubleTolerance, $"{name}D loss at batch {batch}");
        int compared = GradientAssert.Equal(reference.Gradients, gradients, network.ParameterViews,
            DoubleTolerance, "reference", "generated");
        Assert.True(compared > 0, $"{name}D at batch {batch}: no gradient entry above {GradientAssert.MagnitudeFloor}, nothing was compared.");
    }

    [Theory]
    [MemberData(nameof(ZooCatalog.NetworksAndBatches), MemberType = typeof(ZooCatalog))]
    public void FloatGradientsMatchReferenceOnTheSameFloatNetwork(string name, int batch)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateFloat(Seed);
        var (inputs, targets) = Data(entry, network.InputSize, network.OutputSize, batch);
        float[] floatInputs = TestData.ToFloat(inputs), floatTargets = TestData.ToFloat(targets);
        network.Gradients.Fill(float.NaN);

        float loss = network.ComputeGradients(floatInputs, floatTargets);
        double[] gradients = TestData.ToDouble(network.Gradients);
        var reference = network.ComputeReferenceGradients(floatInputs, floatTargets);
        var conditioning = FloatConditioning.Measure(network, floatInputs, floatTargets, reference, TestData.SeedFor(name, batch));

        GradientAssert.ScalarEqual(reference.Loss, loss, FloatTolerance, $"{name}F loss at batch {batch}");
        AssertFloatClose(reference.Gradients, gradients, conditioning.IsGradientExcluded,
            i => GradientAssert.DescribeParameter(network.ParameterViews, i), $"{name}F gradients at batch {batch}");
    }

    [Theory]
    [MemberData(nameof(ZooCatalog.NetworksAndBatches), MemberType = typeof(ZooCatalog))]
    public void DoublePredictAndComputeLossMatchReference(string name, int batch)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateDouble(Seed);
        var (inputs, targets) = Data(entry, network.InputSize, network.OutputSize, batch);

        var outputs = new double[batch * network.OutputSize];
        network.Predict(inputs, outputs);
        double loss = network.ComputeLoss(inputs, targets);
        var reference = network.ComputeReferenceGradients(inputs, targets);

        GradientAssert.OutputsEqual(reference.Outputs, outputs, network.OutputSize, DoubleTolerance, "reference", "Predict");
        GradientAssert.ScalarEqual(reference.Loss, loss, DoubleTolerance, $"{name}D ComputeLoss at batch {batch}");
    }

    [Theory]
    [MemberData(nameof(ZooCatalog.NetworksAndBatches), MemberType = typeof(ZooCatalog))]
    public void FloatPredictAndComputeLossMatchReference(string name, int batch)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateFloat(Seed);
        var (inputs, targets) = Data(entry, network.InputSize, network.OutputSize, batch);
        float[] floatInputs = TestData.ToFloat(inputs), floatTargets = TestData.ToFloat(targets);

        var outputs = new float[batch * network.OutputSize];
        network.Predict(floatInputs, outputs);
        float loss = network.ComputeLoss(floatInputs, floatTargets);
        var reference = network.ComputeReferenceGradients(floatInputs, floatTargets);
        var conditioning = FloatConditioning.Measure(network, floatInputs, floatTargets, reference, TestData.SeedFor(name, batch));

        AssertFloatClose(reference.Outputs, TestData.ToDouble(outputs), conditioning.IsOutputExcluded,
            i => $"output[{i / network.OutputSize}, {i % network.OutputSize}]", $"{name}F Predict at batch {batch}");
        GradientAssert.ScalarEqual(reference.Loss, loss, FloatTolerance, $"{name}F ComputeLoss at batch {batch}");
    }

    /// <summary>The reference must describe the network it ran: one gradient per parameter, one output per (row, feature).</summary>
    [Theory]
    [MemberData(nameof(ZooCatalog.NetworksAndBatches), MemberType = typeof(ZooCatalog))]
    public void ReferenceResultHasTheNetworkShapes(string name, int batch)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateDouble(Seed);
        var (inputs, targets) = Data(entry, network.InputSize, network.OutputSize, batch);

        var reference = network.ComputeReferenceGradients(inputs, targets);

        Assert.Equal(network.ParameterCount, reference.Gradients.Length);
        Assert.Equal(batch * network.OutputSize, reference.Outputs.Length);
        Assert.Equal(network.ParameterCount, network.Parameters.Length);
        Assert.Equal(network.ParameterCount, network.Gradients.Length);
    }

    /// <summary>
    /// Float results against the reference at <see cref="FloatTolerance"/>, on the entries that are
    /// well-conditioned at float precision (see <see cref="FloatConditioning"/> for why and how).
    /// </summary>
    private void AssertFloatClose(double[] reference, double[] actual, Func<int, bool> isExcluded, Func<int, string> describe, string what)
    {
        Assert.Equal(reference.Length, actual.Length);
        var (kept, excluded) = FloatConditioning.Partition(reference.Length, isExcluded, i => GradientAssert.IsCompared(reference[i], actual[i]));
        Assert.True(excluded <= FloatConditioning.MaxExcluded(kept.Count + excluded),
            $"{what}: {excluded} of {kept.Count + excluded} entries are ill-conditioned at float precision; too many to call this a check.");
        output.WriteLine($"{what}: {kept.Count} entries compared, {excluded} ill-conditioned at float precision and left out.");
        Assert.True(kept.Count > 0, $"{what}: no entry above {GradientAssert.MagnitudeFloor} was compared.");
        GradientAssert.EqualAt(kept, kept.Select(i => reference[i]).ToArray(), kept.Select(i => actual[i]).ToArray(),
            describe, FloatTolerance, "reference", "generated float");
    }

    internal static (double[] Inputs, double[] Targets) Data(ZooEntry entry, int inputSize, int outputSize, int batch)
    {
        var random = new SeededRandom(TestData.SeedFor(entry.Name, batch));
        var inputs = TestData.Inputs(random, batch, inputSize);
        var targets = TestData.Targets(random, entry.Targets, batch, outputSize);
        return (inputs, targets);
    }
}
