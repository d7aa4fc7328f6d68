using System;
using System.Collections.Generic;
using System.Linq;
using SymGrad.IntegrationTests.Networks;
using SymGrad.IntegrationTests.Support;

namespace SymGrad.IntegrationTests;

/// <summary>Long loops kept rolled over a static tape: T = 1000 against the reference path and finite differences, rolled against unrolled, no allocation.</summary>
public class RolledLoopTests
{
    private const int Batch = 2;

    [Fact]
    public void LstmT1000_MatchesReferencePath()
    {
        INetwork<double> network = new LstmDoubleT1000(seed: 21);
        var (inputs, targets) = Data(network, Batch);

        double loss = network.ComputeGradients(inputs, targets);
        double[] generated = network.Gradients.ToArray();
        var reference = network.ComputeReferenceGradients(inputs, targets);

        GradientAssert.ScalarEqual(reference.Loss, loss, Gradients.ReferenceTolerance, "loss");
        int compared = GradientAssert.Equal(reference.Gradients, generated, network.ParameterViews, Gradients.ReferenceTolerance, "reference", "generated");
        Assert.True(compared > network.ParameterCount / 2, $"only {compared} of {network.ParameterCount} entries compared");
    }

    [Fact]
    public void LstmT1000_MatchesFiniteDifferencesOnASeededSample()
    {
        INetwork<double> network = new LstmDoubleT1000(seed: 22);
        var (inputs, targets) = Data(network, Batch);
        network.ComputeGradients(inputs, targets);
        double[] generated = network.Gradients.ToArray();

        // The first and last entry of every view, and 40 more drawn with a fixed seed.
        var chosen = new SortedSet<int>();
        foreach (var view in network.ParameterViews)
        {
            chosen.Add(view.Offset);
            chosen.Add(view.Offset + view.Length - 1);
        }
        var random = new SeededRandom(23);
        while (chosen.Count < 2 * network.ParameterViews.Count + 40)
        {
            chosen.Add(random.NextInt(network.ParameterCount));
        }
        int[] indices = chosen.ToArray();
        var estimates = FiniteDifferences.Estimate(network, inputs, targets, indices);

        Assert.All(estimates, e => Assert.True(e.IsTrusted(Gradients.FiniteDifferenceTolerance), $"untrusted estimate at {e.Index}"));
        int compared = GradientAssert.EqualAt(indices, estimates.Select(e => e.Estimate).ToArray(), indices.Select(i => generated[i]).ToArray(),
            i => GradientAssert.DescribeParameter(network.ParameterViews, i), Gradients.FiniteDifferenceTolerance, "finite differences", "generated");
        Assert.True(compared > indices.Length / 2, $"only {compared} of {indices.Length} sampled entries compared");
    }

    [Fact]
    public void RolledAndUnrolledT50_GiveTheSameLossAndGradients()
    {
        INetwork<double> rolled = new LstmDoubleT50Rolled(seed: 24);
        INetwork<double> unrolled = new LstmDoubleT50Unrolled(seed: 24);
        Assert.True(rolled.Parameters.SequenceEqual(unrolled.Parameters), "the two definitions start from the same parameters");
        var (inputs, targets) = Data(rolled, 3);

        double rolledLoss = rolled.ComputeGradients(inputs, targets);
        double unrolledLoss = unrolled.ComputeGradients(inputs, targets);

        GradientAssert.ScalarEqual(unrolledLoss, rolledLoss, 1e-13, "loss");
        int compared = GradientAssert.Equal(unrolled.Gradients.ToArray(), rolled.Gradients.ToArray(), rolled.ParameterViews, 1e-12, "unrolled", "rolled");
        Assert.True(compared > rolled.ParameterCount / 2, $"only {compared} of {rolled.ParameterCount} entries compared");
        var outputs = new double[3 * rolled.OutputSize];
        var expected = new double[3 * rolled.OutputSize];
        rolled.Predict(inputs, outputs);
        unrolled.Predict(inputs, expected);
        Assert.Equal(expected, outputs);
    }

    [Fact]
    public void LstmT1000_TrainStepAllocatesNothing()
    {
        INetwork<double> network = new LstmDoubleT1000(seed: 25);
        var (inputs, targets) = Data(network, Batch);
        var optimizer = new Adam(0.001);
        double loss = 0;
        for (int i = 0; i < 3; i++)
        {
            loss = network.TrainStep(inputs, targets, optimizer); // warm-up
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            loss = network.TrainStep(inputs, targets, optimizer);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"5 TrainStep calls of the T = 1000 LSTM allocated {allocated} bytes.");
        Assert.True(double.IsFinite(loss), $"The loss after training is {loss}.");
        Assert.Equal(8, optimizer.StepCount);
    }

    private static (double[] Inputs, double[] Targets) Data(INetwork<double> network, int batch) =>
        (Gradients.Values(batch * network.InputSize, 201, 1.5), Gradients.Values(batch * network.OutputSize, 202));
}
