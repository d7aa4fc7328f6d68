using System;
using System.Linq;
using SymGrad.Instrumentation;
using SymGrad.Reference;

namespace SymGrad.IntegrationTests.Instrumentation;

/// <summary>
/// Each statistic of the generated instrumentation against the same quantity computed here from an
/// independent run of the reference tape (the layers' own Forward on Tensor, in double), within 1e-4 relative.
/// </summary>
public sealed class StatisticsTests
{
    private const double Tolerance = 1e-4;
    private const int Batch = 7;

    /// <summary>The network, a batch, and the tape's intermediate tensors after Backward.</summary>
    private sealed class Fixture
    {
        public Fixture(int seed = 3, MixedActivations? net = null)
        {
            Net = net ?? new MixedActivations(seed);
            var random = new Random(seed);
            Inputs = Enumerable.Range(0, Batch * MixedActivations.InputSize).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            Targets = Enumerable.Range(0, Batch * MixedActivations.OutputSize).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            double[] parameters = Net.Parameters.ToArray().Select(p => (double)p).ToArray();

            using var session = ReferenceSession.Begin(parameters);
            var x = session.Input(Inputs, Batch, MixedActivations.InputSize);
            Z = new Tensor[4];
            A = new Tensor[3];
            Z[0] = Net.fc1.Forward(x);
            A[0] = Tensor.Relu(Z[0]);
            Z[1] = Net.fc2.Forward(A[0]);
            A[1] = Tensor.Sigmoid(Z[1]);
            Z[2] = Net.fc3.Forward(A[1]);
            A[2] = Tensor.Tanh(Z[2]);
            Z[3] = Net.fc4.Forward(A[2]);
            var loss = Tensor.MeanSquaredError(Z[3], session.Input(Targets, Batch, MixedActivations.OutputSize));
            loss.Backward();
            Layers = new[] { Net.fc1, Net.fc2, Net.fc3, Net.fc4 };
            WeightGradients = Layers.Select(l => session.Parameter(l.Weight).Gradient!.ToArray()).ToArray();
            BiasGradients = Layers.Select(l => session.Parameter(l.Bias).Gradient!.ToArray()).ToArray();
            Weights = Layers.Select(l => parameters.AsSpan(l.Weight.Offset, l.Weight.Length).ToArray()).ToArray();
        }

        public MixedActivations Net { get; }
        public float[] Inputs { get; }
        public float[] Targets { get; }
        public Linear[] Layers { get; }
        public Tensor[] Z { get; }
        public Tensor[] A { get; }
        public double[][] WeightGradients { get; }
        public double[][] BiasGradients { get; }
        public double[][] Weights { get; }
    }

    private static double Norm(double[] values) => Math.Sqrt(values.Sum(v => v * v));

    private static void Close(double expected, double actual, string what)
    {
        Assert.True(expected != 0, what + ": the check needs a nonzero expected value");
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static (Fixture Fixture, GradientStatistics Statistics) Computed()
    {
        var fixture = new Fixture();
        fixture.Net.ComputeGradients(fixture.Inputs, fixture.Targets);
        return (fixture, fixture.Net.Statistics);
    }

    [Fact]
    public void Weight_gradient_norm_and_max_match_the_reference()
    {
        var (f, s) = Computed();
        for (int i = 0; i < 4; i++)
        {
            Close(Norm(f.WeightGradients[i]), s[i].WeightGradientNorm, "||dW|| " + i);
            Close(f.WeightGradients[i].Max(Math.Abs), s[i].WeightGradientMax, "max|dW| " + i);
        }
    }

    [Fact]
    public void Bias_gradient_norm_and_max_match_the_reference()
    {
        var (f, s) = Computed();
        for (int i = 0; i < 4; i++)
        {
            Close(Norm(f.BiasGradients[i]), s[i].BiasGradientNorm, "||db|| " + i);
            Close(f.BiasGradients[i].Max(Math.Abs), s[i].BiasGradientMax, "max|db| " + i);
        }
    }

    [Fact]
    public void Weight_norm_matches_the_parameters()
    {
        var (f, s) = Computed();
        for (int i = 0; i < 4; i++)
        {
            Close(Norm(f.Weights[i]), s[i].WeightNorm, "||W|| " + i);
        }
    }

    [Fact]
    public void Back_propagated_gradient_norm_matches_the_tape_gradient_of_each_layer_output()
    {
        var (f, s) = Computed();
        for (int i = 0; i < 4; i++)
        {
            Close(Norm(f.Z[i].Gradient!), s[i].OutputGradientNorm, "||dL/dZ|| " + i);
        }
    }

    [Fact]
    public void Global_norm_is_the_norm_of_all_parameter_gradients()
    {
        var (f, s) = Computed();
        double expected = Math.Sqrt(f.WeightGradients.Concat(f.BiasGradients).SelectMany(g => g).Sum(g => g * g));
        Close(expected, s.GlobalNormBeforeClipping, "global norm");
        Assert.Equal(s.GlobalNormBeforeClipping, s.GlobalNormAfterClipping);
        Assert.False(s.ClippingFired);
    }

    [Fact]
    public void Dead_fraction_counts_relu_units_zero_for_every_sample()
    {
        // Make fc1's units 0 and 3 dead for any input: zero weights and a negative bias.
        var f = new Fixture();
        var bias = f.Net.fc1.Bias;
        var weight = f.Net.fc1.Weight;
        foreach (int unit in new[] { 0, 3 })
        {
            f.Net.Parameters.Slice(weight.Offset + unit * weight.Columns, weight.Columns).Clear();
            f.Net.Parameters[bias.Offset + unit] = -1f;
        }
        var refreshed = new Fixture(3, f.Net);
        f.Net.ComputeGradients(f.Inputs, f.Targets);
        var a = refreshed.A[0];
        double expected = Enumerable.Range(0, a.Columns).Count(j => Enumerable.Range(0, a.Rows).All(b => a[b, j] <= 0)) / (double)a.Columns;
        Assert.True(expected >= 0.4, "units 0 and 3 are dead by construction");
        Close(expected, f.Net.Statistics[0].DeadFraction, "dead fraction");
        Assert.True(double.IsNaN(f.Net.Statistics[1].DeadFraction), "a sigmoid layer has no dead fraction");
    }

    [Fact]
    public void Saturated_fraction_counts_sigmoid_and_tanh_outputs_with_a_small_derivative()
    {
        var f = new Fixture();
        // Scale fc2 and fc3 up so that a good part of their outputs saturates.
        foreach (var layer in new[] { f.Net.fc2, f.Net.fc3 })
        {
            foreach (ref float w in f.Net.Parameters.Slice(layer.Weight.Offset, layer.Weight.Length))
            {
                w *= 20f;
            }
        }
        var refreshed = new Fixture(3, f.Net);
        f.Net.ComputeGradients(f.Inputs, f.Targets);
        double sigmoid = refreshed.A[1].Data.Count(y => y * (1 - y) < 0.01 * 0.25) / (double)refreshed.A[1].Length;
        double tanh = refreshed.A[2].Data.Count(y => 1 - y * y < 0.01) / (double)refreshed.A[2].Length;
        Assert.True(sigmoid > 0 && tanh > 0, "the scaled layers saturate");
        Close(sigmoid, f.Net.Statistics[1].SaturatedFraction, "sigmoid saturated fraction");
        Close(tanh, f.Net.Statistics[2].SaturatedFraction, "tanh saturated fraction");
    }

    [Fact]
    public void Update_ratio_is_the_sgd_step_over_the_weight_norm()
    {
        var (f, s) = Computed();
        Assert.True(double.IsNaN(s[0].UpdateRatio), "no optimizer step has run");
        const double learningRate = 0.05;
        f.Net.TrainStep(f.Inputs, f.Targets, new Sgd(learningRate));
        for (int i = 0; i < 4; i++)
        {
            // SGD moves W by lr * dW, so the ratio is lr ||dW|| / ||W||.
            Close(learningRate * Norm(f.WeightGradients[i]) / Norm(f.Weights[i]), f.Net.Statistics[i].UpdateRatio, "update ratio " + i);
        }
    }

    [Fact]
    public void Non_finite_values_are_counted_and_located()
    {
        var f = new Fixture();
        f.Net.ComputeGradients(f.Inputs, f.Targets);
        Assert.Equal(0, f.Net.Statistics.NonFiniteCount);
        Assert.Equal(-1, f.Net.Statistics.FirstNonFiniteLayer);

        f.Net.Parameters[f.Net.fc2.Weight.Offset + 1] = float.NaN;
        f.Net.ComputeGradients(f.Inputs, f.Targets);
        var s = f.Net.Statistics;
        Assert.Equal(1, s.NonFiniteOriginLayer);
        Assert.Equal(3, s.FirstNonFiniteLayer); // the backward pass meets the poisoned gradients at the output layer first
        Assert.True(s[1].NonFiniteCount >= 1 + Batch, "the NaN weight and fc2's first output unit in every sample");
        Assert.True(s.NonFiniteCount >= s[1].NonFiniteCount + s[3].NonFiniteCount);
    }

    [Fact]
    public void Non_finite_inputs_and_targets_are_rejected_with_the_argument_index_and_value()
    {
        var f = new Fixture();
        f.Inputs[9] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => f.Net.ComputeGradients(f.Inputs, f.Targets));
        Assert.Equal("inputs", e.ParamName);
        Assert.Contains("inputs[9]", e.Message);
        Assert.Contains("NaN", e.Message);

        f.Inputs[9] = 0;
        f.Targets[2] = float.PositiveInfinity;
        e = Assert.Throws<ArgumentException>(() => f.Net.TrainStep(f.Inputs, f.Targets, new Sgd(0.1)));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("targets[2]", e.Message);
        Assert.Contains("Infinity", e.Message);
    }
}
