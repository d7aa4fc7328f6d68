using System;
using System.Linq;

namespace SymGrad.IntegrationTests.Differentiable;

/// <summary>
/// A network with Map(h, Swish) and a per-element Huber loss: generated gradients (which call the
/// emitted derivatives) against the reference path (which differentiates the same functions by
/// central differences), against finite differences of the generated loss, and training.
/// </summary>
public sealed class SwishHuberNetworkTests
{
    private const int Batch = 7;

    private static double[] Values(int count, int seed, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();
    }

    [Fact]
    public void Double_network_gradients_equal_the_reference_path_and_finite_differences()
    {
        var network = new SwishHuberNetDouble(seed: 3);
        double[] inputs = Values(Batch * SwishHuberNetDouble.InputSize, 1, 2);
        double[] targets = Values(Batch * SwishHuberNetDouble.OutputSize, 2, 3); // residuals on both sides of delta = 1

        double loss = network.ComputeGradients(inputs, targets);
        double[] generated = network.Gradients.ToArray();
        var reference = network.ComputeReferenceGradients(inputs, targets);

        Assert.Equal(reference.Loss, loss, 1e-12);
        double largest = reference.Gradients.Max(Math.Abs);
        Assert.True(largest > 1e-3);
        for (int i = 0; i < generated.Length; i++)
        {
            Assert.True(Math.Abs(generated[i] - reference.Gradients[i]) <= 1e-6 * largest, $"parameter {i}: generated {generated[i]:R}, reference {reference.Gradients[i]:R}");
        }

        // Central differences of the generated loss itself, parameter by parameter.
        for (int i = 0; i < generated.Length; i++)
        {
            double saved = network.Parameters[i];
            double h = 1e-5;
            network.Parameters[i] = saved + h;
            double up = network.ComputeLoss(inputs, targets);
            network.Parameters[i] = saved - h;
            double down = network.ComputeLoss(inputs, targets);
            network.Parameters[i] = saved;
            Assert.True(Math.Abs((up - down) / (2 * h) - generated[i]) <= 1e-6 * largest, $"parameter {i}: finite difference {(up - down) / (2 * h):R}, generated {generated[i]:R}");
        }
    }

    [Fact]
    public void Float_network_gradients_equal_the_reference_path_within_float_tolerance()
    {
        var network = new SwishHuberNet(seed: 5);
        float[] inputs = Values(Batch * SwishHuberNet.InputSize, 3, 2).Select(v => (float)v).ToArray();
        float[] targets = Values(Batch * SwishHuberNet.OutputSize, 4, 3).Select(v => (float)v).ToArray();

        float loss = network.ComputeGradients(inputs, targets);
        var reference = network.ComputeReferenceGradients(inputs, targets);

        Assert.Equal(reference.Loss, loss, 1e-5 * Math.Max(1, reference.Loss));
        double largest = reference.Gradients.Max(Math.Abs);
        for (int i = 0; i < SwishHuberNet.ParameterCount; i++)
        {
            Assert.True(Math.Abs(network.Gradients[i] - reference.Gradients[i]) <= 1e-4 * largest, $"parameter {i}: generated {network.Gradients[i]:R}, reference {reference.Gradients[i]:R}");
        }
    }

    [Fact]
    public void Float_network_trains()
    {
        var network = new SwishHuberNet(seed: 7);
        float[] inputs = Values(16 * SwishHuberNet.InputSize, 5, 2).Select(v => (float)v).ToArray();
        // A smooth target the network can fit: (sin(x0) + x1 x2, x0 - x2).
        var targets = new float[16 * SwishHuberNet.OutputSize];
        for (int b = 0; b < 16; b++)
        {
            float x0 = inputs[b * 3], x1 = inputs[b * 3 + 1], x2 = inputs[b * 3 + 2];
            targets[b * 2] = MathF.Sin(x0) + x1 * x2;
            targets[b * 2 + 1] = x0 - x2;
        }
        var optimizer = new Adam(learningRate: 1e-2);
        float first = network.ComputeLoss(inputs, targets);
        float last = first;
        for (int step = 0; step < 300; step++)
        {
            last = network.TrainStep(inputs, targets, optimizer);
        }
        Assert.True(float.IsFinite(last));
        Assert.True(last < 0.2f * first, $"loss {first} -> {last}");
    }
}
