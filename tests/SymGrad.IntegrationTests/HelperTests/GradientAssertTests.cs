using System;
using SymGrad.IntegrationTests.Support;
using Xunit.Sdk;

namespace SymGrad.IntegrationTests.HelperTests;

/// <summary>The comparison helper must fail where it should and say where.</summary>
public sealed class GradientAssertTests
{
    private static readonly ParameterView[] Views =
    {
        new("fc1.Weight", 0, 2, 2),
        new("fc1.Bias", 4, 1, 2),
    };

    [Fact]
    public void RelativeErrorUsesTheLargerMagnitude()
    {
        Assert.Equal(0.5, GradientAssert.RelativeError(1.0, 2.0));
        Assert.Equal(0.5, GradientAssert.RelativeError(-2.0, -1.0));
        Assert.Equal(1.0, GradientAssert.RelativeError(0.0, 1e-3));
        Assert.Equal(0.0, GradientAssert.RelativeError(0.0, 0.0));
        Assert.Equal(double.PositiveInfinity, GradientAssert.RelativeError(double.NaN, 1.0));
    }

    [Fact]
    public void MismatchNamesTheViewEntryAndBothValues()
    {
        double[] expected = { 1, 2, 3, 4, 5, 6 };
        double[] actual = { 1, 2, 3, 4.001, 5, 6 };

        var failure = Assert.Throws<XunitException>(() =>
            GradientAssert.Equal(expected, actual, Views, 1e-10, "reference", "generated"));

        Assert.Contains("fc1.Weight[3] (row 1, col 1)", failure.Message);
        Assert.Contains("reference 4,", failure.Message);
        Assert.Contains("generated 4.001", failure.Message);
    }

    [Fact]
    public void EntriesBelowTheFloorOnBothSidesAreNotCompared()
    {
        double[] expected = { 1, 5e-7, 0, 0, 0, 0 };
        double[] actual = { 1, -5e-7, 0, 0, 0, 0 };

        int compared = GradientAssert.Equal(expected, actual, Views, 1e-10, "reference", "generated");

        Assert.Equal(1, compared);
    }

    [Fact]
    public void AnEntryAboveTheFloorOnOneSideIsCompared()
    {
        double[] expected = { 1, 0, 0, 0, 0, 0 };
        double[] actual = { 1, 0, 0, 0, 0, 2e-6 };

        var failure = Assert.Throws<XunitException>(() =>
            GradientAssert.Equal(expected, actual, Views, 1e-4, "reference", "generated"));

        Assert.Contains("fc1.Bias[1]", failure.Message);
    }

    [Fact]
    public void NaNAlwaysFails()
    {
        double[] expected = { 1, 0, 0, 0, 0, 0 };
        double[] actual = { 1, double.NaN, 0, 0, 0, 0 };

        Assert.Throws<XunitException>(() => GradientAssert.Equal(expected, actual, Views, 1e-4, "reference", "generated"));
    }

    [Fact]
    public void OutputMismatchNamesRowAndColumn()
    {
        double[] expected = { 1, 2, 3, 4, 5, 6 };
        double[] actual = { 1, 2, 3, 4, 5.5, 6 };

        var failure = Assert.Throws<XunitException>(() =>
            GradientAssert.OutputsEqual(expected, actual, 3, 1e-10, "reference", "Predict"));

        Assert.Contains("output[1, 1]", failure.Message);
    }

    [Fact]
    public void ScalarMismatchFails()
    {
        Assert.Throws<XunitException>(() => GradientAssert.ScalarEqual(1.0, 1.0 + 1e-9, 1e-10, "loss"));
        GradientAssert.ScalarEqual(1.0, 1.0 + 1e-11, 1e-10, "loss");
    }
}
