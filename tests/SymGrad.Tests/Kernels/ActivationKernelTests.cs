using System;
using SymGrad.Kernels;

namespace SymGrad.Tests.Kernels;

/// <summary>
/// The vectorized sigmoid and tanh against System.Math in double, over values from -60 to 60 (saturated, small
/// and tiny), with a count that leaves a scalar tail. Tolerance: absolute 2e-7 for float (a couple of ulps of
/// 1, the rounding of 1 - 2 / (e^2x + 1) near 0) and 1e-15 for double.
/// </summary>
public class ActivationKernelTests
{
    private static double[] Inputs()
    {
        var values = new double[203];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = (k - 101) * 0.6;
        }
        values[0] = 1e-9;
        values[1] = -3e-5;
        return values;
    }

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    public void MatchesTheMathLibrary(string which)
    {
        var x = Inputs();
        Func<double, double> expected = which == "sigmoid" ? v => 1 / (1 + Math.Exp(-v)) : Math.Tanh;

        var yd = new double[x.Length + 1];
        yd[^1] = 42;
        if (which == "sigmoid") Activations.Sigmoid<double>(x, yd, x.Length); else Activations.Tanh<double>(x, yd, x.Length);
        for (int k = 0; k < x.Length; k++)
        {
            Assert.True(Math.Abs(yd[k] - expected(x[k])) <= 1e-15, $"{which}({x[k]}) = {yd[k]}, expected {expected(x[k])}");
        }
        Assert.Equal(42, yd[^1]); // nothing past count is written

        var xf = Array.ConvertAll(x, v => (float)v);
        var yf = new float[x.Length];
        if (which == "sigmoid") Activations.Sigmoid<float>(xf, yf, x.Length); else Activations.Tanh<float>(xf, yf, x.Length);
        for (int k = 0; k < x.Length; k++)
        {
            Assert.True(Math.Abs(yf[k] - expected(xf[k])) <= 2e-7, $"{which}({xf[k]}) = {yf[k]}, expected {expected(xf[k])}");
        }
    }

    [Fact]
    public void ShortSpansAreRejectedWithTheArgumentName()
    {
        var ex = Assert.Throws<ArgumentException>(() => Activations.Tanh<float>(new float[4], new float[3], 4));
        Assert.Equal("y", ex.ParamName);
    }
}
