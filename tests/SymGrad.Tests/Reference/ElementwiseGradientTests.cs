using System;
using SymGrad;

namespace SymGrad.Tests.Reference;

public sealed class ElementwiseGradientTests
{
    // Odd shapes so that nothing happens to work only for square or power-of-two sizes.
    public static TheoryData<string, int, int> UnaryCases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var op in new[] { "Relu", "LeakyRelu", "Elu", "EluAlpha2", "Sigmoid", "Tanh", "Gelu", "Silu", "Softmax", "Negate", "ScaleLeft", "ScaleRight" })
        {
            data.Add(op, 3, 5);
            data.Add(op, 1, 7);
        }
        return data;
    }

    private static Tensor ApplyUnary(string op, Tensor x) => op switch
    {
        "Relu" => Tensor.Relu(x),
        "LeakyRelu" => Tensor.LeakyRelu(x, 0.1),
        "Elu" => Tensor.Elu(x, 1.0),
        "EluAlpha2" => Tensor.Elu(x, 2.0),
        "Sigmoid" => Tensor.Sigmoid(x),
        "Tanh" => Tensor.Tanh(x),
        "Gelu" => Tensor.Gelu(x),
        "Silu" => Tensor.Silu(x),
        "Softmax" => Tensor.Softmax(x),
        "Negate" => -x,
        "ScaleLeft" => 1.7 * x,
        "ScaleRight" => x * -0.3,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void UnaryOpGradientMatchesFiniteDifferences(string op, int rows, int columns)
    {
        // Inputs stay 0.05 away from 0 so that no finite difference straddles a ReLU/ELU kink.
        var x = GradientCheck.Random(new Random(rows * 31 + columns), rows, columns, 3.0, 0.05);
        GradientCheck.AssertMatchesFiniteDifferences(t => ApplyUnary(op, t[0]), x);
    }

    [Theory]
    [InlineData("+", 3, 5)]
    [InlineData("+", 1, 7)]
    [InlineData("-", 3, 5)]
    [InlineData("-", 1, 7)]
    [InlineData("*", 3, 5)]
    [InlineData("*", 1, 7)]
    public void BinaryOperatorGradientMatchesFiniteDifferences(string op, int rows, int columns)
    {
        var random = new Random(7 + rows);
        var a = GradientCheck.Random(random, rows, columns);
        var b = GradientCheck.Random(random, rows, columns);
        GradientCheck.AssertMatchesFiniteDifferences(
            t => op switch { "+" => t[0] + t[1], "-" => t[0] - t[1], _ => t[0] * t[1] },
            a,
            b);
    }

    [Fact]
    public void ChainOfOpsGradientMatchesFiniteDifferences()
    {
        var random = new Random(99);
        var x = GradientCheck.Random(random, 3, 5);
        var y = GradientCheck.Random(random, 3, 5);
        GradientCheck.AssertMatchesFiniteDifferences(
            t => Tensor.Softmax(Tensor.Tanh(t[0]) * Tensor.Sigmoid(t[1]) - 0.5 * Tensor.Gelu(t[0] + t[1])),
            x,
            y);
    }

    [Fact]
    public void LargeInputsStayFinite()
    {
        var x = Tensor.Constant(new[] { -800.0, 800.0, 1000.0, 1000.0 }, 2, 2);
        var sigmoid = Tensor.Sigmoid(x);
        Assert.Equal(new[] { 0.0, 1.0, 1.0, 1.0 }, sigmoid.Data);
        var softmax = Tensor.Softmax(x);
        Assert.Equal(0.0, softmax[0, 0], 1e-15);
        Assert.Equal(1.0, softmax[0, 1], 1e-15);
        Assert.Equal(new[] { 0.5, 0.5 }, new[] { softmax[1, 0], softmax[1, 1] });
        var silu = Tensor.Silu(x);
        Assert.Equal(0.0, silu[0, 0]);
        Assert.Equal(800.0, silu[0, 1]);
    }
}
