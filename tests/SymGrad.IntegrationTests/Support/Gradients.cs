using System;
using System.Globalization;

namespace SymGrad.IntegrationTests.Support;

/// <summary>
/// Comparisons of generated gradients with the reference path and with central finite differences
/// (five-point stencil, h = 1e-4 in double: truncation about 1e-14, rounding about 1e-12, both far
/// below the 1e-6 relative tolerance), the foundation's tolerances. Entries at or below 1e-6 in
/// magnitude are compared absolutely (1e-9).
/// </summary>
internal static class Gradients
{
    public const double RelativeTolerance = 1e-6;
    public const double RelativeFloor = 1e-6;
    public const double AbsoluteTolerance = 1e-9;

    /// <summary>Central finite differences of ComputeLoss with respect to every parameter.</summary>
    public static double[] FiniteDifferences(INetwork<double> network, double[] inputs, double[] targets, double step = 1e-4)
    {
        var numeric = new double[network.ParameterCount];
        for (int i = 0; i < numeric.Length; i++)
        {
            double original = network.Parameters[i];
            double LossAt(double offset)
            {
                network.Parameters[i] = original + offset;
                return network.ComputeLoss(inputs, targets);
            }
            numeric[i] = (-LossAt(2 * step) + 8 * LossAt(step) - 8 * LossAt(-step) + LossAt(-2 * step)) / (12 * step);
            network.Parameters[i] = original;
        }
        return numeric;
    }

    /// <summary>Asserts that <paramref name="actual"/> matches <paramref name="expected"/> entry by entry; returns how many entries were compared relatively.</summary>
    public static int AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what,
        double relative = RelativeTolerance, double floor = RelativeFloor, double absolute = AbsoluteTolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        int compared = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = Math.Max(Math.Abs(expected[i]), Math.Abs(actual[i]));
            double error = Math.Abs(expected[i] - actual[i]);
            bool isRelative = scale > floor;
            compared += isRelative ? 1 : 0;
            bool ok = isRelative ? error <= relative * scale : error <= absolute;
            Assert.True(ok, string.Create(CultureInfo.InvariantCulture, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}"));
        }
        return compared;
    }

    /// <summary>Deterministic values in [-scale, scale).</summary>
    public static double[] Values(int count, ulong seed, double scale = 1)
    {
        var random = new SeededRandom(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = scale * random.NextUniform(-1, 1);
        }
        return values;
    }

    /// <summary>Checks ComputeGradients against the reference path and finite differences, in the network's current mode.</summary>
    public static void CheckAll(INetwork<double> network, double[] inputs, double[] targets)
    {
        double loss = network.ComputeGradients(inputs, targets);
        double[] analytic = network.Gradients.ToArray();
        var reference = network.ComputeReferenceGradients(inputs, targets);
        Assert.Equal(reference.Loss, loss, 1e-12);
        int compared = AssertClose(reference.Gradients, analytic, "reference vs generated");
        // Not vacuous: a large share of the entries is compared relatively. (A one-step LSTM from a zero
        // state has exact zeros in W_hh and the forget gate, more than half of its parameters.)
        Assert.True(compared > network.ParameterCount / 3, $"only {compared} of {network.ParameterCount} entries compared relatively");
        AssertClose(FiniteDifferences(network, inputs, targets), analytic, "finite differences vs generated");
    }
}
