using System;

namespace SymGrad.Tests.Kernels;

/// <summary>
/// The dense products as textbook triple loops in double, each result paired with the sum of the
/// absolute values of its terms: the scale against which rounding error is measured (it equals |result|
/// when there is no cancellation, and keeps the test meaningful when there is).
/// </summary>
internal static class NaiveDense
{
    public static (double[] Value, double[] Scale) Forward(double[] x, double[] w, double[] bias, int batch, int inputs, int outputs)
    {
        var y = new double[batch * outputs];
        var scale = new double[batch * outputs];
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < outputs; o++)
            {
                double sum = bias[o], abs = Math.Abs(bias[o]);
                for (int i = 0; i < inputs; i++)
                {
                    sum += x[b * inputs + i] * w[o * inputs + i];
                    abs += Math.Abs(x[b * inputs + i] * w[o * inputs + i]);
                }
                y[b * outputs + o] = sum;
                scale[b * outputs + o] = abs;
            }
        }
        return (y, scale);
    }

    /// <summary>dW = dW0 + dY^T X and dBias = dBias0 + column sums of dY.</summary>
    public static (double[] DW, double[] DWScale, double[] DBias, double[] DBiasScale) BackwardWeights(
        double[] dy, double[] x, double[] dw0, double[] dBias0, int batch, int inputs, int outputs)
    {
        var dw = (double[])dw0.Clone();
        var dwScale = Array.ConvertAll(dw0, Math.Abs);
        var dBias = (double[])dBias0.Clone();
        var dBiasScale = Array.ConvertAll(dBias0, Math.Abs);
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
            {
                for (int b = 0; b < batch; b++)
                {
                    double term = dy[b * outputs + o] * x[b * inputs + i];
                    dw[o * inputs + i] += term;
                    dwScale[o * inputs + i] += Math.Abs(term);
                }
            }
            for (int b = 0; b < batch; b++)
            {
                dBias[o] += dy[b * outputs + o];
                dBiasScale[o] += Math.Abs(dy[b * outputs + o]);
            }
        }
        return (dw, dwScale, dBias, dBiasScale);
    }

    /// <summary>dX = dX0 + dY W (pass zeros as dX0 for the non-accumulating form).</summary>
    public static (double[] Value, double[] Scale) BackwardInput(double[] dy, double[] w, double[] dx0, int batch, int inputs, int outputs)
    {
        var dx = (double[])dx0.Clone();
        var scale = Array.ConvertAll(dx0, Math.Abs);
        for (int b = 0; b < batch; b++)
        {
            for (int i = 0; i < inputs; i++)
            {
                for (int o = 0; o < outputs; o++)
                {
                    double term = dy[b * outputs + o] * w[o * inputs + i];
                    dx[b * inputs + i] += term;
                    scale[b * inputs + i] += Math.Abs(term);
                }
            }
        }
        return (dx, scale);
    }

    public static double[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = random.NextDouble() * 2 - 1;
        }
        return values;
    }

    /// <summary>Rounds to float precision, so that the float kernel and the double reference see the same inputs.</summary>
    public static double[] RoundedToFloat(double[] values) => Array.ConvertAll(values, v => (double)(float)v);

    public static float[] ToFloat(double[] values) => Array.ConvertAll(values, v => (float)v);

    public static void AssertClose(double[] expected, double[] scale, ReadOnlySpan<double> actual, double relative, string what)
    {
        for (int k = 0; k < expected.Length; k++)
        {
            double tolerance = relative * Math.Max(scale[k], 1e-30);
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance,
                $"{what}[{k}]: expected {expected[k]:R}, got {actual[k]:R}, tolerance {tolerance:E2}");
        }
    }

    public static void AssertClose(double[] expected, double[] scale, ReadOnlySpan<float> actual, double relative, string what)
    {
        var widened = new double[actual.Length];
        for (int k = 0; k < actual.Length; k++)
        {
            widened[k] = actual[k];
        }
        AssertClose(expected, scale, widened, relative, what);
    }
}
