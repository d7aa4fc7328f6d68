using System;
using SymGrad.IntegrationTests.Networks;
using SymGrad.IntegrationTests.Support;
using SymGrad.IntegrationTests.Zoo;

namespace SymGrad.IntegrationTests;

/// <summary>
/// The performance contract's "0 bytes per step": after warm-up (which lets optimizers allocate their
/// state once), 100 calls allocate nothing on the calling thread.
/// </summary>
public sealed class AllocationTests
{
    private const int WarmUpSteps = 5;
    private const int MeasuredSteps = 100;

    public static TheoryData<string> Optimizers() => new("Sgd", "Adam");

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void MnistMlpTrainStepAtBatch64AllocatesNothing(string optimizer)
    {
        INetwork<float> network = new MnistMlpF(seed: 7);
        AssertTrainStepAllocatesNothing(network, 64, TargetKind.OneHot, CreateOptimizer(optimizer));
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void SmallSigmoidNetTrainStepAllocatesNothing(string optimizer)
    {
        INetwork<float> network = new ZooSigmoidMlpF(seed: 7);
        AssertTrainStepAllocatesNothing(network, network.MaxBatchSize, TargetKind.Probability, CreateOptimizer(optimizer));
    }

    [Fact]
    public void MnistMlpPredictAndComputeGradientsAllocateNothing()
    {
        INetwork<float> network = new MnistMlpF(seed: 7);
        var (inputs, targets) = Data(network, 64, TargetKind.OneHot);
        var outputs = new float[64 * network.OutputSize];
        for (int i = 0; i < WarmUpSteps; i++)
        {
            network.Predict(inputs, outputs);
            network.ComputeGradients(inputs, targets);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < MeasuredSteps; i++)
        {
            network.Predict(inputs, outputs);
            network.ComputeGradients(inputs, targets);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"{MeasuredSteps} Predict + ComputeGradients calls allocated {allocated} bytes.");
    }

    private static void AssertTrainStepAllocatesNothing(INetwork<float> network, int batch, TargetKind targetKind, Optimizer optimizer)
    {
        var (inputs, targets) = Data(network, batch, targetKind);
        float loss = 0;
        for (int i = 0; i < WarmUpSteps; i++)
        {
            loss = network.TrainStep(inputs, targets, optimizer);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < MeasuredSteps; i++)
        {
            loss = network.TrainStep(inputs, targets, optimizer);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"{MeasuredSteps} TrainStep calls with {optimizer.GetType().Name} allocated {allocated} bytes.");
        // The steps must have done real work: a finite loss, and the optimizer counted every step.
        Assert.True(float.IsFinite(loss), $"The loss after training is {loss}.");
        Assert.Equal(WarmUpSteps + MeasuredSteps, optimizer.StepCount);
    }

    private static (float[] Inputs, float[] Targets) Data(INetwork<float> network, int batch, TargetKind targetKind)
    {
        var random = new SeededRandom(99);
        return (TestData.ToFloat(TestData.Inputs(random, batch, network.InputSize)),
            TestData.ToFloat(TestData.Targets(random, targetKind, batch, network.OutputSize)));
    }

    private static Optimizer CreateOptimizer(string name) => name switch
    {
        "Sgd" => new Sgd(0.01),
        "Adam" => new Adam(1e-3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown optimizer."),
    };
}
