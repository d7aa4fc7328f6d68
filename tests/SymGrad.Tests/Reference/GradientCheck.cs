using System;
using System.Linq;
using SymGrad;

namespace SymGrad.Tests.Reference;

/// <summary>A leaf of a gradient check: its values and shape.</summary>
internal sealed record Operand(double[] Values, int Rows, int Columns);

/// <summary>
/// Holds the tape's gradients against central finite differences. For an op y = f(leaves) of any
/// shape it checks the gradient of s = sum(w * y) with random fixed weights w (a 1x1 result uses
/// w = 1 and the public <see cref="Tensor.Backward()"/>).
/// </summary>
internal static class GradientCheck
{
    public const double Step = 1e-6;

    // Relative tolerance on each entry, with an absolute floor for the finite difference's own
    // rounding noise (about eps * |s| / Step, i.e. 1e-10 for |s| of a few units).
    public const double RelativeTolerance = 1e-6;
    public const double AbsoluteFloor = 1e-8;

    /// <summary>Uniform random values in [-scale, scale], at least <paramref name="awayFromZero"/> in magnitude (to keep clear of kinks).</summary>
    public static Operand Random(Random random, int rows, int columns, double scale = 2.0, double awayFromZero = 0.0)
    {
        var values = new double[rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            double v;
            do
            {
                v = (2.0 * random.NextDouble() - 1.0) * scale;
            }
            while (Math.Abs(v) < awayFromZero);
            values[i] = v;
        }
        return new Operand(values, rows, columns);
    }

    public static void AssertMatchesFiniteDifferences(Func<Tensor[], Tensor> function, params Operand[] operands)
    {
        var leaves = operands.Select(o => Tensor.Trainable(o.Values, o.Rows, o.Columns)).ToArray();
        var output = function(leaves);
        var weights = output.Length == 1 ? new[] { 1.0 } : Random(new Random(12345), output.Rows, output.Columns, 1.0).Values;
        if (output.Length == 1)
        {
            output.Backward();
        }
        else
        {
            output.Backward(weights);
        }

        for (int k = 0; k < operands.Length; k++)
        {
            var tape = leaves[k].Gradient!;
            for (int i = 0; i < operands[k].Values.Length; i++)
            {
                double plus = WeightedSum(function, operands, weights, k, i, +Step);
                double minus = WeightedSum(function, operands, weights, k, i, -Step);
                double numeric = (plus - minus) / (2 * Step);
                double allowed = Math.Max(RelativeTolerance * Math.Abs(numeric), AbsoluteFloor);
                Assert.True(
                    Math.Abs(tape[i] - numeric) <= allowed,
                    $"operand {k} element {i}: tape {tape[i]:R}, finite difference {numeric:R} (allowed {allowed:E1})");
            }
        }
    }

    // sum(w * f(operands)) with element i of operand k shifted by delta, evaluated on constants.
    private static double WeightedSum(Func<Tensor[], Tensor> function, Operand[] operands, double[] weights, int k, int i, double delta)
    {
        var inputs = new Tensor[operands.Length];
        for (int j = 0; j < operands.Length; j++)
        {
            var values = (double[])operands[j].Values.Clone();
            if (j == k)
            {
                values[i] += delta;
            }
            inputs[j] = Tensor.Constant(values, operands[j].Rows, operands[j].Columns);
        }
        var output = function(inputs);
        double sum = 0;
        for (int e = 0; e < output.Length; e++)
        {
            sum += weights[e] * output.Data[e];
        }
        return sum;
    }
}
