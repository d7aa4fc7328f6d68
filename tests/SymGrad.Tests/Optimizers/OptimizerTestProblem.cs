using System;

namespace SymGrad.Tests.Optimizers;

/// <summary>
/// A small quadratic problem shared by the optimizer tests: 11 parameters (so that both the SIMD
/// body and the scalar tail run for float and double) and a gradient that depends on the parameters,
/// g_i(p) = a_i p_i - c_i, so each step sees a new gradient.
/// </summary>
internal static class OptimizerTestProblem
{
    public const int Length = 11;

    public static double[] InitialParameters()
    {
        var p = new double[Length];
        for (int i = 0; i < Length; i++)
        {
            p[i] = 0.5 - 0.37 * i + 0.05 * i * i;
        }
        return p;
    }

    public static double Gradient(int i, double p) => (0.5 + 0.3 * i) * p - (0.2 * i - 1.0);

    public static void Gradients(ReadOnlySpan<double> p, Span<double> g)
    {
        for (int i = 0; i < p.Length; i++)
        {
            g[i] = Gradient(i, p[i]);
        }
    }

    public static void Gradients(ReadOnlySpan<float> p, Span<float> g)
    {
        for (int i = 0; i < p.Length; i++)
        {
            g[i] = (float)Gradient(i, p[i]);
        }
    }

    /// <summary>Runs <paramref name="steps"/> optimizer steps in double and returns the parameters.</summary>
    public static double[] RunDouble(Optimizer optimizer, int steps)
    {
        var p = InitialParameters();
        var g = new double[Length];
        for (int s = 0; s < steps; s++)
        {
            Gradients(p, g);
            optimizer.Step(p, g);
        }
        return p;
    }

    /// <summary>Runs <paramref name="steps"/> optimizer steps in float and returns the parameters.</summary>
    public static float[] RunFloat(Optimizer optimizer, int steps)
    {
        var p = Array.ConvertAll(InitialParameters(), v => (float)v);
        var g = new float[Length];
        for (int s = 0; s < steps; s++)
        {
            Gradients(p, g);
            optimizer.Step(p, g);
        }
        return p;
    }

    public static void AssertClose(double[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = relative * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"index {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance:E2})");
        }
    }
}
