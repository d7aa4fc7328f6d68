using System;
using System.Linq;

namespace SymGrad.IntegrationTests.Support;

/// <summary>
/// The checks of the normalization and recurrent tests, on the foundation's helpers and tolerances:
/// generated vs reference path to 1e-10 relative, generated vs finite differences to 1e-6 relative
/// (entries above 1e-6, <see cref="GradientAssert"/>), every parameter checked.
/// </summary>
internal static class Gradients
{
    public const double ReferenceTolerance = 1e-10;
    public const double FiniteDifferenceTolerance = 1e-6;

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
        GradientAssert.ScalarEqual(reference.Loss, loss, ReferenceTolerance, "loss");
        int compared = GradientAssert.Equal(reference.Gradients, analytic, network.ParameterViews, ReferenceTolerance, "reference", "generated");
        // Not vacuous: a large share of the entries is compared. (A one-step LSTM from a zero state has
        // exact zeros in W_hh and the forget gate, more than half of its parameters.)
        Assert.True(compared > network.ParameterCount / 3, $"only {compared} of {network.ParameterCount} entries compared");

        int[] all = Enumerable.Range(0, network.ParameterCount).ToArray();
        var estimates = FiniteDifferences.Estimate(network, inputs, targets, all);
        Assert.All(estimates, e => Assert.True(e.IsTrusted(FiniteDifferenceTolerance), $"untrusted estimate at {e.Index}")); // smooth networks
        GradientAssert.EqualAt(all, estimates.Select(e => e.Estimate).ToArray(), analytic, i => GradientAssert.DescribeParameter(network.ParameterViews, i),
            FiniteDifferenceTolerance, "finite differences", "generated");
    }
}
