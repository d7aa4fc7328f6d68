extern alias SymGradRuntime;

using System;
using System.Globalization;
using SymGradRuntime::SymGrad;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>The outcome of comparing analytic gradients with finite differences.</summary>
/// <param name="Compared">Entries compared relatively (those above <see cref="GradientChecker.RelativeFloor"/>).</param>
/// <param name="Mismatches">Entries outside the tolerance.</param>
/// <param name="FirstMismatch">A description of the first one, or empty.</param>
internal sealed record GradientCheckResult(int Compared, int Mismatches, string FirstMismatch)
{
    public bool Passed => Mismatches == 0;
}

/// <summary>
/// Checks <c>ComputeGradients</c> against central finite differences of <c>ComputeLoss</c>, in double,
/// with the five-point central stencil (truncation error O(h^4)). With h = 1e-3 both the truncation
/// error (about 1e-12) and the rounding error (eps * loss / h, about 1e-13) stay far below the 1e-6
/// relative tolerance. A piecewise op (ReLU, ELU) is not smooth where its input crosses 0: when a
/// perturbation of 2h moves some unit across that kink the stencil is wrong, not the gradient, so
/// an entry that misses at h = 1e-3 is retried at 1e-4 and 1e-5, where the kink is far less likely
/// to be in reach. A wrong derivative misses at every step.
/// </summary>
internal static class GradientChecker
{
    public static readonly double[] Steps = { 1e-3, 1e-4, 1e-5 };
    public const double RelativeTolerance = 1e-6;
    /// <summary>Entries at or below this magnitude are compared absolutely (a relative error of a near-zero entry is noise).</summary>
    public const double RelativeFloor = 1e-6;
    public const double AbsoluteTolerance = 1e-9;

    public static GradientCheckResult Check(INetwork<double> network, double[] inputs, double[] targets)
    {
        network.ComputeGradients(inputs, targets);
        double[] analytic = network.Gradients.ToArray();
        int compared = 0, mismatches = 0;
        string first = "";
        for (int i = 0; i < analytic.Length; i++)
        {
            bool ok = false, relative = false;
            double numeric = 0;
            foreach (double step in Steps)
            {
                numeric = FiniteDifference(network, inputs, targets, i, step);
                double error = Math.Abs(analytic[i] - numeric);
                double scale = Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric));
                relative = scale > RelativeFloor;
                ok = relative ? error <= RelativeTolerance * scale : error <= AbsoluteTolerance;
                if (ok)
                {
                    break;
                }
            }
            compared += relative ? 1 : 0;
            if (!ok && mismatches++ == 0)
            {
                first = string.Create(CultureInfo.InvariantCulture, $"parameter {i}: analytic {analytic[i]:R}, finite difference {numeric:R}");
            }
        }
        return new GradientCheckResult(compared, mismatches, first);
    }

    private static double FiniteDifference(INetwork<double> network, double[] inputs, double[] targets, int index, double step)
    {
        double original = network.Parameters[index];
        double LossAt(double offset)
        {
            network.Parameters[index] = original + offset;
            return network.ComputeLoss(inputs, targets);
        }
        double numeric = (-LossAt(2 * step) + 8 * LossAt(step) - 8 * LossAt(-step) + LossAt(-2 * step)) / (12 * step);
        network.Parameters[index] = original;
        return numeric;
    }

    /// <summary>Deterministic inputs in [-1, 1).</summary>
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

    /// <summary>One-hot rows, class b mod classes for row b.</summary>
    public static double[] OneHot(int batch, int classes)
    {
        var values = new double[batch * classes];
        for (int b = 0; b < batch; b++)
        {
            values[b * classes + (b * 7 + 3) % classes] = 1;
        }
        return values;
    }
}
