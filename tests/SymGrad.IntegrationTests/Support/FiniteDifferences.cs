using System;
using System.Collections.Generic;
using System.Linq;

namespace SymGrad.IntegrationTests.Support;

/// <summary>One finite-difference estimate of dL/dp at a parameter.</summary>
/// <param name="Index">Flat parameter index.</param>
/// <param name="Estimate">The extrapolated central difference at steps h/2 and h.</param>
/// <param name="Check">The same extrapolation at steps h and 2h.</param>
public readonly record struct DerivativeEstimate(int Index, double Estimate, double Check)
{
    /// <summary>
    /// Whether the two estimates agree to <paramref name="tolerance"/>. They disagree when the loss is
    /// not smooth within [p - 2h, p + 2h] (a ReLU, leaky ReLU or ELU kink crossed by the stencil) or
    /// when the entry is so small that rounding noise dominates; then the finite difference is no
    /// evidence either way. This depends only on the loss values, never on the gradient under test.
    /// </summary>
    public bool IsTrusted(double tolerance) =>
        !GradientAssert.IsCompared(Estimate, Check) || GradientAssert.RelativeError(Estimate, Check) <= tolerance;
}

/// <summary>
/// Central finite differences of a double network's generated <c>ComputeLoss</c>.
/// <para>
/// Why not a plain central difference with h = 1e-6: the loss itself carries rounding noise of a few
/// ulps (~1e-15 for a loss near 1), so (L(p+h) - L(p-h)) / 2h has noise ~1e-9, which is a relative
/// error of 1e-3 on a gradient entry of 1e-6; the 1e-6 relative tolerance on entries above 1e-6 asks
/// for absolute errors near 1e-12. So the step is larger, h = 2^-10 max(1, |p|) (~1e-3, noise ~1e-13),
/// and Richardson extrapolation, (4 D(h/2) - D(h)) / 3 with D(s) = (L(p+s) - L(p-s)) / 2s, cancels the
/// h^2 truncation term, leaving h^4 f^(5) / 30 (~3e-14 f^(5)). A second extrapolation at (h, 2h)
/// tells where the estimate cannot be trusted (see <see cref="DerivativeEstimate.IsTrusted"/>); there the
/// step is retried at h/16, which usually clears a kink near p.
/// </para>
/// </summary>
public static class FiniteDifferences
{
    /// <summary>Networks with at most this many parameters are checked at every parameter.</summary>
    public const int CheckAllUpTo = 1000;

    /// <summary>Size of the seeded sample for larger networks.</summary>
    public const int SampleSize = 200;

    /// <summary>When the estimates at step h disagree by more than this, the step is retried 16 times smaller.</summary>
    public const double RetryTolerance = 1e-6;

    /// <summary>
    /// The parameters to check: all of them for small networks; otherwise a seeded sample of
    /// <see cref="SampleSize"/> plus the first and last entry of every view, so every view is covered.
    /// </summary>
    public static int[] ChooseIndices(INetwork<double> network, ulong seed)
    {
        int count = network.ParameterCount;
        if (count <= CheckAllUpTo)
        {
            return Enumerable.Range(0, count).ToArray();
        }
        var chosen = new SortedSet<int>();
        foreach (var view in network.ParameterViews)
        {
            chosen.Add(view.Offset);
            chosen.Add(view.Offset + view.Length - 1);
        }
        var random = new SeededRandom(seed);
        int target = chosen.Count + SampleSize;
        while (chosen.Count < target)
        {
            chosen.Add(random.NextInt(count));
        }
        return chosen.ToArray();
    }

    /// <summary>Estimates dL/dp at each of <paramref name="indices"/>, restoring every parameter exactly afterwards.</summary>
    public static DerivativeEstimate[] Estimate(
        INetwork<double> network, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, IReadOnlyList<int> indices)
    {
        var estimates = new DerivativeEstimate[indices.Count];
        for (int k = 0; k < indices.Count; k++)
        {
            int i = indices[k];
            double original = network.Parameters[i];
            double h = Math.ScaleB(Math.Max(1.0, Math.Abs(original)), -10);
            try
            {
                estimates[k] = EstimateAt(network, inputs, targets, i, original, h);
                if (!estimates[k].IsTrusted(RetryTolerance))
                {
                    // A kink within 2h: a 16 times smaller stencil usually steps over it, at 16 times the noise.
                    var retry = EstimateAt(network, inputs, targets, i, original, h / 16);
                    if (retry.IsTrusted(RetryTolerance))
                    {
                        estimates[k] = retry;
                    }
                }
            }
            finally
            {
                network.Parameters[i] = original;
            }
        }
        return estimates;
    }

    private static DerivativeEstimate EstimateAt(
        INetwork<double> network, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int index, double original, double h)
    {
        double dHalf = CentralDifference(network, inputs, targets, index, original, h / 2);
        double dOne = CentralDifference(network, inputs, targets, index, original, h);
        double dTwo = CentralDifference(network, inputs, targets, index, original, 2 * h);
        return new DerivativeEstimate(index, (4 * dHalf - dOne) / 3, (4 * dOne - dTwo) / 3);
    }

    private static double CentralDifference(
        INetwork<double> network, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int index, double original, double step)
    {
        // Divide by the steps actually taken: p + s is rounded, and the rounding is known exactly.
        double plus = original + step;
        double minus = original - step;
        network.Parameters[index] = plus;
        double lossPlus = network.ComputeLoss(inputs, targets);
        network.Parameters[index] = minus;
        double lossMinus = network.ComputeLoss(inputs, targets);
        return (lossPlus - lossMinus) / (plus - minus);
    }
}
