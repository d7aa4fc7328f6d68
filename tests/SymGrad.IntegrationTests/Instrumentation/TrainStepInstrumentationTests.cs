using System;
using System.Linq;
using SymGrad.Clipping;

namespace SymGrad.IntegrationTests.Instrumentation;

/// <summary>Clipping inside the generated TrainStep, its record in the statistics, and zero allocation with everything on.</summary>
public sealed class TrainStepInstrumentationTests
{
    private static (float[] Inputs, float[] Targets) Batch(int batch, int inputSize, int outputSize, int seed)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(0, batch * inputSize).Select(_ => (float)random.NextDouble()).ToArray();
        var targets = new float[batch * outputSize];
        for (int b = 0; b < batch; b++)
        {
            targets[b * outputSize + random.Next(outputSize)] = 1f;
        }
        return (inputs, targets);
    }

    [Fact]
    public void TrainStep_clips_before_the_update_and_records_the_norms()
    {
        var (inputs, targets) = Batch(8, MixedActivations.InputSize, MixedActivations.OutputSize, 5);
        var reference = new MixedActivations(2);
        reference.ComputeGradients(inputs, targets);
        double norm = Math.Sqrt(reference.Gradients.ToArray().Sum(g => (double)g * g));
        float[] before = reference.Parameters.ToArray();
        float[] gradients = reference.Gradients.ToArray();

        var net = new MixedActivations(2) { Clipping = GradientClipping.GlobalNorm(norm / 4) };
        net.TrainStep(inputs, targets, new Sgd(0.5));

        Assert.True(net.Statistics.ClippingFired);
        Assert.Equal(norm, net.Statistics.GlobalNormBeforeClipping, 5);
        Assert.Equal(norm / 4, net.Statistics.GlobalNormAfterClipping, 5);
        // The update used the clipped gradient: p - 0.5 * g / 4 (up to PyTorch's 1e-6 in the factor).
        double factor = (norm / 4) / (norm + 1e-6);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i] - 0.5 * gradients[i] * factor, net.Parameters[i], 5);
        }
    }

    [Fact]
    public void TrainStep_allocates_nothing_with_instrumentation_and_clipping_on()
    {
        var net = new InstrumentedMnistMlp(1) { Clipping = GradientClipping.PerLayerNorm(1) };
        var (inputs, targets) = Batch(64, InstrumentedMnistMlp.InputSize, InstrumentedMnistMlp.OutputSize, 7);
        var optimizer = new Adam(1e-3);
        for (int i = 0; i < 3; i++)
        {
            net.TrainStep(inputs, targets, optimizer); // JIT, tiering and the optimizer's state
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            net.TrainStep(inputs, targets, optimizer);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - allocated);
        Assert.Equal(23, net.Statistics.StepCount);
        Assert.True(net.Statistics[0].UpdateRatio > 0);
    }
}
