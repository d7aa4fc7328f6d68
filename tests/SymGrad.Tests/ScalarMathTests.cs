using System;
using SymGrad;

namespace SymGrad.Tests;

/// <summary>
/// <see cref="ScalarMath.Erf(double)"/> against values computed independently: tabulated values, the
/// all-positive power series for |x| &lt;= 2 and the continued fraction of erfc for x &gt;= 2.
/// </summary>
public sealed class ScalarMathTests
{
    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2})");
    }

    [Theory]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(-3.0, -0.9999779095030014)]
    [InlineData(3.5, 0.9999992569016276)]
    [InlineData(5.0, 0.9999999999984626)]
    public void ErfMatchesTabulatedValues(double x, double expected) =>
        AssertRelative(expected, ScalarMath.Erf(x), 2.5e-16, $"erf({x})");

    // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1 * 3 * ... * (2n+1)): positive terms, no cancellation.
    private static double ErfBySeries(double x)
    {
        double term = x, sum = x;
        for (int n = 1; n < 200 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
        {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
    }

    // erfc(x) = e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the bottom.
    private static double ErfcByContinuedFraction(double x)
    {
        double tail = x;
        for (int k = 2000; k >= 1; k--)
        {
            tail = x + k / 2.0 / tail;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / tail;
    }

    [Fact]
    public void ErfMatchesPowerSeriesOnMinusTwoToTwo()
    {
        // Steps of 1/64 cross Cody's interval boundary at 0.46875 exactly and on both sides.
        for (int i = -128; i <= 128; i++)
        {
            double x = i / 64.0 + (i % 3) * 1e-3;
            if (x == 0)
            {
                continue;
            }
            AssertRelative(ErfBySeries(x), ScalarMath.Erf(x), 1e-15, $"erf({x})");
        }
    }

    [Fact]
    public void OneMinusErfMatchesContinuedFractionOfErfcBeyondTwo()
    {
        // Crosses Cody's boundary at 4; compares erf, whose absolute accuracy is what double allows here.
        for (double x = 2.0; x <= 6.0; x += 0.0625)
        {
            AssertRelative(1 - ErfcByContinuedFraction(x), ScalarMath.Erf(x), 1e-15, $"erf({x})");
            AssertRelative(-(1 - ErfcByContinuedFraction(x)), ScalarMath.Erf(-x), 1e-15, $"erf({-x})");
        }
    }

    [Fact]
    public void ErfcIsAccurateInRelativeTermsBeyondTwo()
    {
        // Cody's two erfc intervals (boundary at 4) down to values near the underflow limit.
        for (double x = 2.0; x <= 26.0; x += 0.125)
        {
            AssertRelative(ErfcByContinuedFraction(x), ScalarMath.Erfc(x), 1e-14, $"erfc({x})");
        }
        Assert.Equal(0.0, ScalarMath.Erfc(27.0));
        AssertRelative(2 - ErfcByContinuedFraction(3.0), ScalarMath.Erfc(-3.0), 1e-15, "erfc(-3)");
        AssertRelative(1 - ErfBySeries(0.25), ScalarMath.Erfc(0.25), 1e-15, "erfc(0.25)");
    }

    [Fact]
    public void ErfHandlesZeroTinyHugeAndNaN()
    {
        Assert.Equal(0.0, ScalarMath.Erf(0.0));
        AssertRelative(2 / Math.Sqrt(Math.PI) * 1e-20, ScalarMath.Erf(1e-20), 1e-15, "erf(1e-20)");
        Assert.Equal(1.0, ScalarMath.Erf(30.0));
        Assert.Equal(-1.0, ScalarMath.Erf(double.NegativeInfinity));
        Assert.Equal(1.0, ScalarMath.Erf(double.PositiveInfinity));
        Assert.True(double.IsNaN(ScalarMath.Erf(double.NaN)));
    }

    [Fact]
    public void FloatOverloadRoundsTheDoubleResult()
    {
        Assert.Equal((float)0.5204998778130465, ScalarMath.Erf(0.5f));
        Assert.Equal(-(float)0.8427007929497149, ScalarMath.Erf(-1f));
    }
}
