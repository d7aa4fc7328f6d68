using System;
using System.Linq;
using SymGrad.IntegrationTests.Networks;
using SymGrad.IntegrationTests.Support;

namespace SymGrad.IntegrationTests;

/// <summary>Batch norm, layer norm and dropout: generated gradients against the reference path and finite differences, in both modes.</summary>
public class NormalizationGradientTests
{
    private const int Batch = 6;

    private static (double[] Inputs, double[] Targets) Data(INetwork<double> network, ulong seed) =>
        (Gradients.Values(Batch * network.InputSize, seed, 2), Gradients.Values(Batch * network.OutputSize, seed + 1));

    [Fact]
    public void BatchNorm_TrainingMode_MatchesReferenceAndFiniteDifferences()
    {
        var network = new BatchNormDouble(seed: 1);
        var (inputs, targets) = Data(network, 10);
        // Finite differences call ComputeLoss many times: training mode must normalize with the batch
        // statistics only (the running ones it updates do not feed back into the loss).
        Gradients.CheckAll(network, inputs, targets);
    }

    [Fact]
    public void BatchNorm_EvaluationMode_MatchesReferenceAndFiniteDifferences()
    {
        var network = new BatchNormDouble(seed: 2);
        var (inputs, targets) = Data(network, 20);
        var sgd = new Sgd(0.05);
        for (int step = 0; step < 5; step++)
        {
            network.TrainStep(inputs, targets, sgd); // running statistics away from (0, 1)
        }
        network.IsTraining = false;
        double[] stateBefore = network.State.ToArray();

        Gradients.CheckAll(network, inputs, targets);

        Assert.Equal(stateBefore, network.State.ToArray()); // evaluation mode never updates the statistics
    }

    [Fact]
    public void BatchNorm_ModesDiffer_AndPredictUsesTheRunningStatistics()
    {
        var network = new BatchNormDouble(seed: 3);
        var (inputs, targets) = Data(network, 30);
        network.TrainStep(inputs, targets, new Sgd(0.05));
        double[] state = network.State.ToArray();

        var outputs = new double[Batch * BatchNormDouble.OutputSize];
        network.Predict(inputs, outputs);
        Assert.Equal(state, network.State.ToArray()); // Predict is evaluation mode: no update

        network.IsTraining = false;
        var evaluation = network.ComputeReferenceGradients(inputs, targets);
        GradientAssert.OutputsEqual(evaluation.Outputs, outputs, BatchNormDouble.OutputSize, 1e-12, "reference in evaluation mode", "Predict");
        network.IsTraining = true;
        var training = network.ComputeReferenceGradients(inputs, targets);
        Assert.True(training.Outputs.Zip(outputs, (a, b) => Math.Abs(a - b)).Max() > 1e-3, "training and evaluation mode gave the same outputs");
    }

    [Fact]
    public void BatchNorm_TrainingWithOneSample_ThrowsNamingTheBatch()
    {
        var network = new BatchNormDouble();
        var error = Assert.Throws<ArgumentException>(() => network.ComputeLoss(new double[4], new double[3]));
        Assert.Equal("batch", error.ParamName);
        Assert.Contains("at least 2 samples", error.Message);
        network.Predict(new double[4], new double[3]); // evaluation mode takes one sample
    }

    [Fact]
    public void BatchNorm_InitialState_IsMeanZeroVarianceOne_WithNamedViews()
    {
        var network = new BatchNormDouble();
        Assert.Equal(new[] { "bn.RunningMean", "bn.RunningVariance" }, network.StateViews.Select(v => v.Name));
        Assert.Equal(Enumerable.Repeat(0.0, 6).Concat(Enumerable.Repeat(1.0, 6)), network.State.ToArray());
        var gamma = network.ParameterViews.Single(v => v.Name == "bn.Weight");
        Assert.Equal((1, 6), (gamma.Rows, gamma.Columns));
        Assert.All(network.Parameters.Slice(gamma.Offset, 6).ToArray(), v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void LayerNorm_MatchesReferenceAndFiniteDifferences()
    {
        var network = new LayerNormDouble(seed: 4);
        var (inputs, targets) = Data(network, 40);
        Gradients.CheckAll(network, inputs, targets);
    }

    [Fact]
    public void Dropout_WithAFixedMask_MatchesReferenceAndFiniteDifferences()
    {
        var network = new DropoutDouble(seed: 5) { DropoutStep = 7 };
        var (inputs, targets) = Data(network, 50);
        Gradients.CheckAll(network, inputs, targets);
    }

    [Fact]
    public void Dropout_EvaluationMode_MatchesReferenceAndFiniteDifferences()
    {
        var network = new DropoutDouble(seed: 6) { IsTraining = false };
        var (inputs, targets) = Data(network, 60);
        Gradients.CheckAll(network, inputs, targets);
    }

    [Fact]
    public void Dropout_MaskChangesWithTheStep_AndDropsAboutP()
    {
        var network = new DropoutDouble(seed: 7);
        var (inputs, targets) = Data(network, 70);
        double first = network.ComputeLoss(inputs, targets);
        Assert.Equal(first, network.ComputeLoss(inputs, targets)); // same step, same mask
        network.DropoutStep++;
        Assert.NotEqual(first, network.ComputeLoss(inputs, targets));

        int dropped = 0, total = 100_000;
        for (int i = 0; i < total; i++)
        {
            dropped += Kernels.DropoutMask.Keep(7, 3, 1, i, 0.3) ? 0 : 1;
        }
        // Binomial(1e5, 0.3) has a standard deviation of 145: 1000 is about 7 sigma.
        Assert.InRange(dropped, 30_000 - 1000, 30_000 + 1000);
    }

    [Fact]
    public void BatchNormTrainStep_AllocatesNothingAfterWarmUp()
    {
        var network = new BatchNormDouble(seed: 8);
        var (inputs, targets) = Data(network, 80);
        var sgd = new Sgd(0.01);
        network.TrainStep(inputs, targets, sgd);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            network.TrainStep(inputs, targets, sgd);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
