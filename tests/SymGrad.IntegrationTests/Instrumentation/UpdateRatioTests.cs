using System;
using System.Collections.Generic;
using System.Linq;
using SymGrad.Clipping;

namespace SymGrad.IntegrationTests.Instrumentation;

/// <summary>
/// The update/weight ratio that TrainStep records (measured inside the optimizer's update) against
/// ‖W_after − W_before‖ / ‖W_before‖ computed here in double from copies of the parameters, for every
/// built-in optimizer and for a user optimizer that relies on the base class, within 1e-4 relative.
/// </summary>
public sealed class UpdateRatioTests
{
    /// <summary>A user optimizer that does not override StepAndMeasure.</summary>
    private sealed class SignDescent : Optimizer
    {
        public SignDescent() : base(1e-3) { }

        public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= 1e-3f * MathF.Sign(gradients[i]);
            }
        }

        public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => throw new NotSupportedException();
    }

    public static IEnumerable<object[]> Optimizers()
    {
        yield return new object[] { "Sgd", (Func<Optimizer>)(() => new Sgd(0.05, weightDecay: 0.01)) };
        yield return new object[] { "Momentum", (Func<Optimizer>)(() => new Momentum(0.05, nesterov: true)) };
        yield return new object[] { "Adam", (Func<Optimizer>)(() => new Adam(1e-3)) };
        yield return new object[] { "AdamW", (Func<Optimizer>)(() => new AdamW(1e-3)) };
        yield return new object[] { "user optimizer", (Func<Optimizer>)(() => new SignDescent()) };
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void TrainStep_records_the_ratio_of_each_layers_weight_update(string name, Func<Optimizer> create)
    {
        var random = new Random(11);
        var net = new InstrumentedMnistMlp(3) { Clipping = GradientClipping.GlobalNorm(0.5) };
        float[] inputs = Enumerable.Range(0, 64 * InstrumentedMnistMlp.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
        int[] labels = Enumerable.Range(0, 64).Select(_ => random.Next(10)).ToArray();
        var weights = net.ParameterViews.Where(v => v.Name.EndsWith(".Weight", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, weights.Length);
        Optimizer optimizer = create();
        for (int step = 0; step < 3; step++)
        {
            float[] before = net.Parameters.ToArray();
            net.TrainStep(inputs, labels, optimizer);
            float[] after = net.Parameters.ToArray();
            for (int layer = 0; layer < weights.Length; layer++)
            {
                double update = 0;
                double norm = 0;
                for (int i = weights[layer].Offset; i < weights[layer].Offset + weights[layer].Length; i++)
                {
                    double d = (double)after[i] - before[i];
                    update += d * d;
                    norm += (double)before[i] * before[i];
                }
                double expected = Math.Sqrt(update / norm);
                double actual = net.Statistics[layer].UpdateRatio;
                Assert.True(expected > 0, name);
                Assert.True(Math.Abs(actual - expected) <= 1e-4 * expected, $"{name}, step {step}, layer {layer}: expected {expected:R}, got {actual:R}");
            }
        }
    }
}
