using System;
using System.Linq;
using SymGrad.Kernels;

namespace SymGrad.Tests.Kernels;

/// <summary>
/// <see cref="Dense"/> against <see cref="NaiveDense"/> for sizes that hit batch 1, widths below,
/// at and around the SIMD width, odd block remainders of the 4-way unrolling, and MNIST's 784x128.
/// Tolerances: 1e-5 (float) and 1e-12 (double) relative to the sum of absolute terms.
/// </summary>
public class DenseKernelTests
{
    private const double FloatTolerance = 1e-5;
    private const double DoubleTolerance = 1e-12;

    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 }, { 1, 7, 3 }, { 3, 17, 5 }, { 5, 33, 9 }, { 64, 784, 128 }, { 2, 300, 1 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ForwardMatchesTheTripleLoop(int batch, int inputs, int outputs)
    {
        var x = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * inputs, 1));
        var w = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs * inputs, 2));
        var bias = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs, 3));
        var (expected, scale) = NaiveDense.Forward(x, w, bias, batch, inputs, outputs);

        var yDouble = new double[batch * outputs];
        Dense.Forward<double>(x, w, bias, yDouble, batch, inputs, outputs);
        NaiveDense.AssertClose(expected, scale, yDouble, DoubleTolerance, "y (double)");

        var yFloat = new float[batch * outputs];
        Dense.Forward<float>(NaiveDense.ToFloat(x), NaiveDense.ToFloat(w), NaiveDense.ToFloat(bias), yFloat, batch, inputs, outputs);
        NaiveDense.AssertClose(expected, scale, yFloat, FloatTolerance, "y (float)");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void BackwardWeightsAccumulatesLikeTheTripleLoop(int batch, int inputs, int outputs)
    {
        var dy = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * outputs, 4));
        var x = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * inputs, 5));
        // Non-zero starting gradients: the kernel must add to them, not overwrite.
        var dw0 = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs * inputs, 6));
        var dBias0 = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs, 7));
        var (dw, dwScale, dBias, dBiasScale) = NaiveDense.BackwardWeights(dy, x, dw0, dBias0, batch, inputs, outputs);

        var dwDouble = (double[])dw0.Clone();
        var dBiasDouble = (double[])dBias0.Clone();
        Dense.BackwardWeights<double>(dy, x, dwDouble, dBiasDouble, batch, inputs, outputs);
        NaiveDense.AssertClose(dw, dwScale, dwDouble, DoubleTolerance, "dW (double)");
        NaiveDense.AssertClose(dBias, dBiasScale, dBiasDouble, DoubleTolerance, "dBias (double)");

        var dwFloat = NaiveDense.ToFloat(dw0);
        var dBiasFloat = NaiveDense.ToFloat(dBias0);
        Dense.BackwardWeights<float>(NaiveDense.ToFloat(dy), NaiveDense.ToFloat(x), dwFloat, dBiasFloat, batch, inputs, outputs);
        NaiveDense.AssertClose(dw, dwScale, dwFloat, FloatTolerance, "dW (float)");
        NaiveDense.AssertClose(dBias, dBiasScale, dBiasFloat, FloatTolerance, "dBias (float)");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void BackwardWeightsWithoutAccumulateOverwrites(int batch, int inputs, int outputs)
    {
        var dy = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * outputs, 14));
        var x = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * inputs, 15));
        var (dw, dwScale, dBias, dBiasScale) = NaiveDense.BackwardWeights(dy, x, new double[outputs * inputs], new double[outputs], batch, inputs, outputs);

        // Stale values in the buffers (NaN, so that any that survive show) are replaced, not added to.
        var dwDouble = Enumerable.Repeat(double.NaN, outputs * inputs).ToArray();
        var dBiasDouble = Enumerable.Repeat(double.NaN, outputs).ToArray();
        Dense.BackwardWeights<double>(dy, x, dwDouble, dBiasDouble, batch, inputs, outputs, accumulate: false);
        NaiveDense.AssertClose(dw, dwScale, dwDouble, DoubleTolerance, "dW (double, overwrite)");
        NaiveDense.AssertClose(dBias, dBiasScale, dBiasDouble, DoubleTolerance, "dBias (double, overwrite)");

        var dwFloat = Enumerable.Repeat(float.NaN, outputs * inputs).ToArray();
        var dBiasFloat = Enumerable.Repeat(float.NaN, outputs).ToArray();
        Dense.BackwardWeights<float>(NaiveDense.ToFloat(dy), NaiveDense.ToFloat(x), dwFloat, dBiasFloat, batch, inputs, outputs, accumulate: false);
        NaiveDense.AssertClose(dw, dwScale, dwFloat, FloatTolerance, "dW (float, overwrite)");
        NaiveDense.AssertClose(dBias, dBiasScale, dBiasFloat, FloatTolerance, "dBias (float, overwrite)");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void BackwardInputMatchesTheTripleLoopAndHonorsAccumulate(int batch, int inputs, int outputs)
    {
        var dy = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * outputs, 8));
        var w = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs * inputs, 9));
        var dx0 = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * inputs, 10));

        foreach (bool accumulate in new[] { false, true })
        {
            var start = accumulate ? dx0 : new double[dx0.Length];
            var (expected, scale) = NaiveDense.BackwardInput(dy, w, start, batch, inputs, outputs);

            // The buffer starts with dx0 either way: without accumulate those values must be overwritten.
            var dxDouble = (double[])dx0.Clone();
            Dense.BackwardInput<double>(dy, w, dxDouble, batch, inputs, outputs, accumulate);
            NaiveDense.AssertClose(expected, scale, dxDouble, DoubleTolerance, $"dX (double, accumulate {accumulate})");

            var dxFloat = NaiveDense.ToFloat(dx0);
            Dense.BackwardInput<float>(NaiveDense.ToFloat(dy), NaiveDense.ToFloat(w), dxFloat, batch, inputs, outputs, accumulate);
            NaiveDense.AssertClose(expected, scale, dxFloat, FloatTolerance, $"dX (float, accumulate {accumulate})");
        }
    }

    [Fact]
    public void LongerSpansAreAcceptedAndTheirExcessIsUntouched()
    {
        const int batch = 2, inputs = 9, outputs = 5, maxBatch = 4;
        var x = NaiveDense.Random(maxBatch * inputs, 11);
        var w = NaiveDense.Random(outputs * inputs, 12);
        var bias = NaiveDense.Random(outputs, 13);
        var y = new double[maxBatch * outputs];
        Array.Fill(y, 42.0);
        Dense.Forward<double>(x, w, bias, y, batch, inputs, outputs);
        var (expected, scale) = NaiveDense.Forward(x, w, bias, batch, inputs, outputs);
        NaiveDense.AssertClose(expected, scale, y.AsSpan(0, batch * outputs), DoubleTolerance, "y");
        Assert.All(y[(batch * outputs)..], v => Assert.Equal(42.0, v));

        var dx = new double[maxBatch * inputs];
        Array.Fill(dx, 7.0);
        Dense.BackwardInput<double>(new double[batch * outputs], w, dx, batch, inputs, outputs, accumulate: false);
        Assert.All(dx[..(batch * inputs)], v => Assert.Equal(0.0, v));
        Assert.All(dx[(batch * inputs)..], v => Assert.Equal(7.0, v));
    }

    [Fact]
    public void ShortSpansAreRejectedWithTheArgumentAndExpectedLength()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Dense.Forward<float>(new float[6], new float[6], new float[2], new float[5], batch: 3, inputs: 2, outputs: 2));
        Assert.Equal("y", ex.ParamName);
        Assert.Contains("expected at least 6", ex.Message);

        ex = Assert.Throws<ArgumentException>(() =>
            Dense.BackwardWeights<double>(new double[4], new double[4], new double[3], new double[2], batch: 2, inputs: 2, outputs: 2));
        Assert.Equal("dWeight", ex.ParamName);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Dense.BackwardInput<double>(new double[4], new double[4], new double[4], batch: 2, inputs: 0, outputs: 2, accumulate: false));
    }
}
