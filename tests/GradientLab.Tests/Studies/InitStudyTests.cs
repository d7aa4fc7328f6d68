using System;
using System.Linq;
using GradientLab.Networks.Initialization;
using GradientLab.Networks.Vanishing;
using GradientLab.Studies;
using SymGrad;
using Xunit.Abstractions;

namespace GradientLab.Tests.Studies;

/// <summary>The init study's outcome on a few MNIST batches, and its probe against the generated networks.</summary>
public sealed class InitStudyTests(ITestOutputHelper output)
{
    private const int Seed = 1;

    private static InitResults Run(params string[] args)
    {
        var study = new InitStudy();
        var parseResult = new StudyCommand(study).Parse(args);
        Assert.Empty(parseResult.Errors);
        return (InitResults)study.Run(new StudyContext(Seed, SilentStudyProgress.Instance, default), parseResult).Data;
    }

    [Fact]
    public void Relu_he_keeps_the_activation_std_while_relu_xavier_shrinks_it_and_tanh_standard_loses_more_gradient_than_tanh_xavier()
    {
        var data = Run("--batches", "2");
        foreach (var n in data.Networks)
        {
            output.WriteLine($"{n.Network}: activation {n.ActivationRatio:G3}, gradient {n.GradientRatio:G3}, gain {n.MeanGain:G3}");
        }
        var network = data.Networks.ToDictionary(n => n.Network);
        Assert.Equal(9, network["ReLU+He"].Layers.Count); // 8 hidden layers and the output
        Assert.InRange(network["ReLU+He"].ActivationRatio, 0.5, 2);
        Assert.True(network["ReLU+Xavier"].ActivationRatio < 0.5, $"{network["ReLU+Xavier"].ActivationRatio}");
        Assert.True(network["tanh+standard"].GradientRatio < network["tanh+Xavier"].GradientRatio / 4,
            $"standard {network["tanh+standard"].GradientRatio}, Xavier {network["tanh+Xavier"].GradientRatio}");
        // Independent bound: in tanh's linear regime a standard-init layer multiplies the gradient std by
        // sqrt(64 / (3 * 64)) = 0.577 at most (tanh' <= 1); Glorot's by up to 1.
        Assert.InRange(network["tanh+standard"].MeanGain, 0.4, 0.6);
        Assert.InRange(network["tanh+Xavier"].MeanGain, 0.75, 1.0);
    }

    [Fact]
    public void The_probe_matches_the_generated_network_logits_and_gradient_norms()
    {
        var net = new TanhStandardNet(Seed);
        var training = new StudyContext(Seed, SilentStudyProgress.Instance, default).Training;
        var inputs = new float[64 * 784];
        var targets = new float[64 * 10];
        training.CopyBatch(Enumerable.Range(0, 64).ToArray(), inputs, targets);
        var probe = LayerProbe.Run(net, "tanh", inputs, targets);

        var logits = new float[64 * 10];
        net.Predict(inputs, logits);
        for (int i = 0; i < logits.Length; i++)
        {
            Assert.Equal(logits[i], probe.Logits[i], 1e-4);
        }
        net.ComputeGradients(inputs, targets);
        for (int l = 0; l < net.Statistics.LayerCount; l++)
        {
            double generated = net.Statistics[l].OutputGradientNorm;
            Assert.Equal(1, Math.Sqrt(probe.GradientSquares[l]) / generated, 1e-3);
        }
    }

    [Fact]
    public void The_standard_init_network_draws_its_weights_within_one_over_sqrt_fan_in()
    {
        // The generator accepted Init.StandardUniform: the weights of the 64 -> 64 layers fill U[-1/8, 1/8].
        var net = new TanhStandardNet(Seed);
        var view = net.ParameterViews.Single(v => v.Name == "fc2.Weight");
        var weights = net.Parameters.Slice(view.Offset, view.Length).ToArray();
        Assert.InRange(weights.Max(), 0.99f / 8, 1f / 8);
        Assert.InRange(weights.Min(), -1f / 8, -0.99f / 8);
    }

    [Fact]
    public void The_probe_rejects_a_network_that_is_not_a_plain_mlp_with_the_argument_named()
    {
        var net = new ReluNet(Seed);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LayerProbe.Run(net, "sigmoid", new float[784], new float[10]));
        Assert.Equal("activation", error.ParamName);
        var shape = Assert.Throws<ArgumentException>(() => LayerProbe.Run(net, "relu", new float[784], new float[9]));
        Assert.Contains("[batch, 10]", shape.Message, StringComparison.Ordinal);
    }
}
