using System;
using SymGrad;

namespace SymGrad.Tests.Reference;

/// <summary>The tape itself: accumulation, reverse order, which tensors get gradients, and the errors.</summary>
public sealed class TapeTests
{
    [Fact]
    public void TensorUsedTwiceAccumulatesBothContributions()
    {
        double[] values = { -1.5, 0.25, 2.0 };
        var x = Tensor.Trainable(values, 1, 3);
        var y = x + x * x;
        y.Backward(new[] { 1.0, 1.0, 1.0 });
        // d/dx (x + x^2) = 1 + 2x
        Assert.Equal(new[] { -2.0, 1.5, 5.0 }, x.Gradient);
    }

    [Fact]
    public void LossThroughSharedIntermediateAccumulates()
    {
        // h = 3w is used by two branches; L = mean((h * h - h)^2) over one element: dL/dw = 2 (h^2 - h)(2h - 1) * 3.
        var w = Tensor.Trainable(new[] { 0.5 }, 1, 1);
        var h = 3.0 * w;
        var loss = Tensor.MeanSquaredError(h * h - h, Tensor.Constant(new[] { 0.0 }, 1, 1));
        loss.Backward();
        double hv = 1.5;
        Assert.Equal(2 * (hv * hv - hv) * (2 * hv - 1) * 3, w.Gradient![0], 1e-12);
    }

    [Fact]
    public void LeavesAccumulateOverBackwardPassesWhileIntermediatesDoNot()
    {
        var x = Tensor.Trainable(new[] { 2.0 }, 1, 1);
        var square = x * x;
        var loss = 3.0 * square;
        loss.Backward();
        loss.Backward();
        Assert.Equal(2 * 12.0, x.Gradient![0]);
        Assert.Equal(3.0, square.Gradient![0]);
    }

    [Fact]
    public void LongChainDoesNotOverflowTheStack()
    {
        const int steps = 50_000;
        var x = Tensor.Trainable(new[] { 1.0, 2.0 }, 1, 2);
        var y = x;
        for (int i = 0; i < steps; i++)
        {
            y = y + x;
        }
        y.Backward(new[] { 1.0, 1.0 });
        Assert.Equal(new[] { steps + 1.0, steps + 1.0 }, x.Gradient);
    }

    [Fact]
    public void ConstantsGetNoGradientAndTheirResultsNoTape()
    {
        var c = Tensor.Constant(new[] { 1.0, -1.0 }, 1, 2);
        var x = Tensor.Trainable(new[] { 0.5, 0.5 }, 1, 2);
        var fromConstant = Tensor.Relu(c);
        var mixed = c * x;
        Assert.False(fromConstant.RequiresGradient);
        Assert.Null(fromConstant.Gradient);
        Assert.True(mixed.RequiresGradient);
        mixed.Backward(new[] { 1.0, 1.0 });
        Assert.Null(c.Gradient);
        Assert.Equal(new[] { 1.0, -1.0 }, x.Gradient);
    }

    [Fact]
    public void BackwardOnANonScalarThrows()
    {
        var x = Tensor.Trainable(new double[6], 2, 3);
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.Tanh(x).Backward());
        Assert.Contains("[2, 3]", error.Message);
    }

    [Fact]
    public void BackwardWithoutATrainableLeafThrows()
    {
        var loss = Tensor.MeanSquaredError(Tensor.Constant(new[] { 1.0 }, 1, 1), Tensor.Constant(new[] { 0.0 }, 1, 1));
        Assert.Throws<InvalidOperationException>(() => loss.Backward());
    }

    [Theory]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("MeanSquaredError")]
    [InlineData("SoftmaxCrossEntropy")]
    [InlineData("BinaryCrossEntropyWithLogits")]
    public void ShapeMismatchThrowsNamingBothShapes(string op)
    {
        var a = Tensor.Constant(new double[15], 3, 5);
        var b = Tensor.Constant(new double[15], 5, 3);
        Func<Tensor> apply = op switch
        {
            "+" => () => a + b,
            "-" => () => a - b,
            "*" => () => a * b,
            "MeanSquaredError" => () => Tensor.MeanSquaredError(a, b),
            "SoftmaxCrossEntropy" => () => Tensor.SoftmaxCrossEntropy(a, b),
            _ => () => Tensor.BinaryCrossEntropyWithLogits(a, b),
        };
        var error = Assert.Throws<ArgumentException>(() => apply());
        Assert.Contains("[3, 5]", error.Message);
        Assert.Contains("[5, 3]", error.Message);
    }

    [Fact]
    public void LinearShapeMismatchThrowsNamingBothShapes()
    {
        var x = Tensor.Constant(new double[6], 2, 3);
        var weight = Tensor.Constant(new double[8], 2, 4);
        var bias = Tensor.Constant(new double[2], 1, 2);
        var inputError = Assert.Throws<ArgumentException>(() => Tensor.Linear(x, weight, bias));
        Assert.Contains("[2, 3]", inputError.Message);
        Assert.Contains("[2, 4]", inputError.Message);

        var goodWeight = Tensor.Constant(new double[6], 2, 3);
        var badBias = Tensor.Constant(new double[3], 1, 3);
        var biasError = Assert.Throws<ArgumentException>(() => Tensor.Linear(x, goodWeight, badBias));
        Assert.Contains("[1, 3]", biasError.Message);
        Assert.Contains("[2, 3]", biasError.Message);
    }

    [Fact]
    public void FactoriesValidateLengthAndCopy()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Constant(new double[5], 2, 3));
        Assert.Throws<ArgumentException>(() => Tensor.Trainable(new double[7], 2, 3));
        Assert.ThrowsAny<ArgumentException>(() => Tensor.Constant(Array.Empty<double>(), 0, 3));

        var source = new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 };
        var tensor = Tensor.Constant(source, 2, 3);
        source[5] = 99;
        Assert.Equal(6.0, tensor[1, 2]);
        Assert.Equal(2.0, tensor[0, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => tensor[2, 0]);
        Assert.Equal(2.5, Tensor.Constant(new[] { 2.5f }, 1, 1).Value);
    }
}
