using System;
using System.Linq;
using GradientLab.Networks;
using SymGrad.Data;
using SymGrad.Instrumentation;
using Xunit.Abstractions;

namespace SymGrad.IntegrationTests.Instrumentation;

/// <summary>
/// The acceptance verdicts at initialization, on one fixed MNIST batch (the first 64 test images),
/// with fixed seeds: one ComputeGradients, one observed step. The networks are GradientLab's
/// DeepSigmoidMlp and DeepReluMlp: 784 -> 64 x 9 -> 10, the output layer Xavier in both.
/// </summary>
public sealed class MnistVerdictTests
{
    private const int Batch = 64;
    private const int Seed = 1;
    private static readonly Lazy<(float[] Inputs, float[] Targets)> s_batch = new(LoadBatch);
    private readonly ITestOutputHelper _output;

    public MnistVerdictTests(ITestOutputHelper output) => _output = output;

    private static (float[], float[]) LoadBatch()
    {
        var test = Mnist.LoadTest(Mnist.FindDataDirectory());
        var inputs = new float[Batch * test.Features];
        var targets = new float[Batch * test.Classes];
        var indices = new int[Batch];
        for (int i = 0; i < Batch; i++)
        {
            indices[i] = i;
        }
        test.CopyBatch(indices, inputs, targets);
        return (inputs, targets);
    }

    private NetworkVerdict Judge<TNet>(TNet net, Func<TNet, GradientStatistics> statistics) where TNet : INetwork<float>
    {
        var (inputs, targets) = s_batch.Value;
        net.ComputeGradients(inputs, targets);
        var monitor = new GradientMonitor();
        monitor.Observe(statistics(net));
        var verdict = monitor.Verdict();
        _output.WriteLine($"{typeof(TNet).Name}: {verdict.Health}: {verdict.Reason}");
        foreach (var layer in verdict.Layers)
        {
            _output.WriteLine($"  {layer.Layer}: {layer.Health}, ||dL/dZ|| {layer.OutputGradientNorm:G3}, ratio {layer.RatioToOutputLayer:G3}, dead {layer.DeadFraction:G3}, saturated {layer.SaturatedFraction:G3}");
        }
        return verdict;
    }

    [Fact]
    public void Sigmoid_with_xavier_vanishes_with_a_first_to_last_ratio_below_1e_3()
    {
        var verdict = Judge(new DeepSigmoidMlp(Seed), n => n.Statistics);
        _output.WriteLine($"first-to-last back-propagated gradient ratio: {verdict.FirstToLastRatio:G4}");
        Assert.Equal(GradientHealth.Vanishing, verdict.Health);
        Assert.True(verdict.FirstToLastRatio < 1e-3, $"ratio {verdict.FirstToLastRatio}");
        Assert.Equal(GradientHealth.Vanishing, verdict.Layers[0].Health);
    }

    [Fact]
    public void Relu_with_he_is_healthy_with_a_ratio_between_0_1_and_10()
    {
        var verdict = Judge(new DeepReluMlp(Seed), n => n.Statistics);
        _output.WriteLine($"first-to-last back-propagated gradient ratio: {verdict.FirstToLastRatio:G4}");
        Assert.Equal(GradientHealth.Healthy, verdict.Health);
        Assert.InRange(verdict.FirstToLastRatio, 0.1, 10);
    }

    [Fact]
    public void Relu_with_weights_scaled_up_explodes()
    {
        var net = new DeepReluMlp(Seed);
        // Every hidden layer's weights x3: the backward pass multiplies the gradient by about 3 per layer.
        foreach (var view in net.ParameterViews)
        {
            if (view.Name.EndsWith(".Weight", StringComparison.Ordinal) && view.Name != "fc10.Weight")
            {
                foreach (ref float w in net.Parameters.Slice(view.Offset, view.Length))
                {
                    w *= 3f;
                }
            }
        }
        var verdict = Judge(net, n => n.Statistics);
        Assert.Equal(GradientHealth.Exploding, verdict.Health);
        Assert.True(verdict.FirstToLastRatio > 1e3);
    }

    [Fact]
    public void Relu_with_bias_minus_10_is_dying_with_at_least_90_percent_dead_units()
    {
        // Every hidden bias -10 before any step: the same as declaring the layers with bias: -10f.
        var net = new DeepReluMlp(Seed);
        foreach (var view in net.ParameterViews.Where(v => v.Name.EndsWith(".Bias", StringComparison.Ordinal) && v.Name != "fc10.Bias"))
        {
            net.Parameters.Slice(view.Offset, view.Length).Fill(-10f);
        }
        var verdict = Judge(net, n => n.Statistics);
        Assert.Equal(GradientHealth.Dying, verdict.Health);
        for (int i = 0; i < 9; i++)
        {
            Assert.True(verdict.Layers[i].DeadFraction >= 0.9, $"{verdict.Layers[i].Layer}: {verdict.Layers[i].DeadFraction}");
        }
    }

    [Fact]
    public void A_nan_in_one_weight_is_reported_at_that_layer()
    {
        var net = new DeepReluMlp(Seed);
        net.Parameters[net.ParameterViews.Single(v => v.Name == "fc4.Weight").Offset + 17] = float.NaN;
        var verdict = Judge(net, n => n.Statistics);
        Assert.Equal(GradientHealth.NonFinite, verdict.Health);
        Assert.Equal("fc4", verdict.NonFiniteOriginLayer);
        Assert.Equal(3, net.Statistics.NonFiniteOriginLayer);
        Assert.Contains("fc4", verdict.Reason);
        // The layers before it have finite parameters and outputs: the NaN reaches them only through the backward pass.
        Assert.Equal(GradientHealth.NonFinite, verdict.Layers[3].Health);
    }
}
