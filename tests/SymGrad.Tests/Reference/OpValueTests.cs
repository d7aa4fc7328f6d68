using System;
using SymGrad;

namespace SymGrad.Tests.Reference;

/// <summary>Forward values and derivatives at chosen points, against values computed independently (Python's math module, by hand).</summary>
public sealed class OpValueTests
{
    // Absolute tolerance (not xunit's decimal-place rounding, which can split two values 1 ulp apart).
    private const double Tolerance = 1e-14;

    // Returns (y, dy/dx) of an element-wise op at each of the given points.
    private static (double[] Values, double[] Derivatives) Evaluate(Func<Tensor, Tensor> op, params double[] points)
    {
        var x = Tensor.Trainable(points, 1, points.Length);
        var y = op(x);
        var ones = new double[points.Length];
        Array.Fill(ones, 1.0);
        y.Backward(ones);
        return (y.Data, x.Gradient!);
    }

    [Fact]
    public void ReluHasDerivativeZeroAtZero()
    {
        var (values, derivatives) = Evaluate(Tensor.Relu, -1.0, 0.0, 2.0);
        Assert.Equal(new[] { 0.0, 0.0, 2.0 }, values);
        Assert.Equal(new[] { 0.0, 0.0, 1.0 }, derivatives);
    }

    [Fact]
    public void LeakyReluHasDerivativeSlopeAtZero()
    {
        var (values, derivatives) = Evaluate(x => Tensor.LeakyRelu(x, 0.1), -2.0, 0.0, 3.0);
        Assert.Equal(-0.2, values[0], Tolerance);
        Assert.Equal(new[] { 0.0, 3.0 }, new[] { values[1], values[2] });
        Assert.Equal(new[] { 0.1, 0.1, 1.0 }, derivatives);
    }

    [Fact]
    public void EluMatchesDefinition()
    {
        var (values, derivatives) = Evaluate(x => Tensor.Elu(x, 2.0), -1.0, 0.0, 1.5);
        Assert.Equal(-1.2642411176571153, values[0], Tolerance);
        Assert.Equal(new[] { 0.0, 1.5 }, new[] { values[1], values[2] });
        Assert.Equal(2.0 * Math.Exp(-1.0), derivatives[0], Tolerance);
        Assert.Equal(new[] { 2.0, 1.0 }, new[] { derivatives[1], derivatives[2] });
    }

    [Fact]
    public void SmoothActivationsMatchKnownValues()
    {
        var sigmoid = Evaluate(Tensor.Sigmoid, 0.0, 2.0);
        Assert.Equal(0.5, sigmoid.Values[0]);
        Assert.Equal(0.8807970779778823, sigmoid.Values[1], Tolerance);
        Assert.Equal(0.25, sigmoid.Derivatives[0]);

        var tanh = Evaluate(Tensor.Tanh, 0.0, 0.5);
        Assert.Equal(0.46211715726000974, tanh.Values[1], Tolerance);
        Assert.Equal(1.0, tanh.Derivatives[0]);

        var gelu = Evaluate(Tensor.Gelu, 1.0, -1.0, 0.0);
        Assert.Equal(0.8413447460685429, gelu.Values[0], Tolerance);
        Assert.Equal(-0.15865525393145707, gelu.Values[1], Tolerance);
        Assert.Equal(0.5, gelu.Derivatives[2], Tolerance);

        var silu = Evaluate(Tensor.Silu, 1.0, 0.0);
        Assert.Equal(0.7310585786300049, silu.Values[0], Tolerance);
        Assert.Equal(0.5, silu.Derivatives[1], Tolerance);
    }

    [Fact]
    public void SoftmaxMatchesKnownValuesAndRowsSumToOne()
    {
        var y = Tensor.Softmax(Tensor.Constant(new[] { 1.0, 2.0, 3.0, 5.0, 5.0, 5.0 }, 2, 3));
        Assert.Equal(0.09003057317038046, y[0, 0], Tolerance);
        Assert.Equal(0.24472847105479767, y[0, 1], Tolerance);
        Assert.Equal(0.6652409557748219, y[0, 2], Tolerance);
        Assert.Equal(1.0 / 3.0, y[1, 1], Tolerance);
    }

    [Fact]
    public void OperatorsComputeElementwise()
    {
        var a = Tensor.Constant(new[] { 1.0, -2.0, 3.0 }, 1, 3);
        var b = Tensor.Constant(new[] { 4.0, 5.0, -6.0 }, 1, 3);
        Assert.Equal(new[] { 5.0, 3.0, -3.0 }, (a + b).Data);
        Assert.Equal(new[] { -3.0, -7.0, 9.0 }, (a - b).Data);
        Assert.Equal(new[] { 4.0, -10.0, -18.0 }, (a * b).Data);
        Assert.Equal(new[] { 2.0, -4.0, 6.0 }, (2.0 * a).Data);
        Assert.Equal(new[] { 2.0, -4.0, 6.0 }, (a * 2.0).Data);
        Assert.Equal(new[] { -1.0, 2.0, -3.0 }, (-a).Data);
    }

    [Fact]
    public void LinearComputesXTimesWeightTransposePlusBias()
    {
        var x = Tensor.Constant(new[] { 1.0, 2.0, -1.0, 0.5 }, 2, 2);
        var weight = Tensor.Constant(new[] { 1.0, 0.0, 0.0, 1.0, 1.0, 1.0 }, 3, 2);
        var bias = Tensor.Constant(new[] { 0.5, -1.0, 2.0 }, 1, 3);
        var y = Tensor.Linear(x, weight, bias);
        Assert.Equal((2, 3), (y.Rows, y.Columns));
        Assert.Equal(new[] { 1.5, 1.0, 5.0, -0.5, -0.5, 1.5 }, y.Data);
    }

    [Fact]
    public void LossesMatchHandComputedValues()
    {
        var mse = Tensor.MeanSquaredError(
            Tensor.Constant(new[] { 1.0, 2.0, 3.0, 4.0 }, 2, 2),
            Tensor.Constant(new[] { 0.0, 2.0, 5.0, 4.0 }, 2, 2));
        Assert.Equal(1.25, mse.Value, Tolerance);

        // Row 0: -log softmax([1, 2, 3])_2; row 1: log 3; mean over the two rows.
        var sce = Tensor.SoftmaxCrossEntropy(
            Tensor.Constant(new[] { 1.0, 2.0, 3.0, 0.0, 0.0, 0.0 }, 2, 3),
            Tensor.Constant(new[] { 0.0, 0.0, 1.0, 1.0, 0.0, 0.0 }, 2, 3));
        Assert.Equal(0.7531091265562451, sce.Value, Tolerance);

        // Against the naive -[t log s + (1 - t) log(1 - s)], accurate for moderate logits.
        double[] z = { -2.0, 0.3, 1.7 }, t = { 0.0, 1.0, 0.25 };
        double naive = 0;
        for (int i = 0; i < 3; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-z[i]));
            naive -= t[i] * Math.Log(s) + (1 - t[i]) * Math.Log(1 - s);
        }
        var bce = Tensor.BinaryCrossEntropyWithLogits(Tensor.Constant(z, 1, 3), Tensor.Constant(t, 1, 3));
        Assert.Equal(naive / 3, bce.Value, Tolerance);
    }

    [Fact]
    public void FusedLossesAreStableForLargeLogits()
    {
        var sce = Tensor.SoftmaxCrossEntropy(
            Tensor.Constant(new[] { 1000.0, 0.0 }, 1, 2),
            Tensor.Constant(new[] { 0.0, 1.0 }, 1, 2));
        Assert.Equal(1000.0, sce.Value, 1e-10);

        var bce = Tensor.BinaryCrossEntropyWithLogits(
            Tensor.Constant(new[] { 800.0, -800.0 }, 1, 2),
            Tensor.Constant(new[] { 0.0, 1.0 }, 1, 2));
        Assert.Equal(800.0, bce.Value, 1e-10);
    }
}
