using System;
using SymGrad.IntegrationTests.Zoo;

namespace SymGrad.IntegrationTests.Support;

/// <summary>Seeded inputs and targets for the equivalence tests, drawn in double and rounded once for float networks.</summary>
public static class TestData
{
    /// <summary>[batch, width] inputs, uniform in [-1, 1).</summary>
    public static double[] Inputs(SeededRandom random, int batch, int width)
    {
        var values = new double[batch * width];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextUniform(-1, 1);
        }
        return values;
    }

    /// <summary>[batch, width] targets that are valid for a loss of kind <paramref name="kind"/>.</summary>
    public static double[] Targets(SeededRandom random, TargetKind kind, int batch, int width)
    {
        var values = new double[batch * width];
        for (int row = 0; row < batch; row++)
        {
            var target = values.AsSpan(row * width, width);
            switch (kind)
            {
                case TargetKind.Regression:
                    for (int j = 0; j < width; j++)
                    {
                        target[j] = random.NextUniform(-1, 1);
                    }
                    break;
                case TargetKind.OneHot:
                    target[random.NextInt(width)] = 1;
                    break;
                case TargetKind.Distribution:
                    double sum = 0;
                    for (int j = 0; j < width; j++)
                    {
                        target[j] = random.NextUniform(0.05, 1);
                        sum += target[j];
                    }
                    for (int j = 0; j < width; j++)
                    {
                        target[j] /= sum;
                    }
                    break;
                case TargetKind.Probability:
                    for (int j = 0; j < width; j++)
                    {
                        target[j] = random.NextDouble();
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown target kind.");
            }
        }
        return values;
    }

    /// <summary>Rounds every value to float (what a float network is fed).</summary>
    public static float[] ToFloat(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }
        return result;
    }

    /// <summary>Widens every value to double (for comparisons).</summary>
    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }
        return result;
    }

    /// <summary>The seed of a test case, so each (network, batch) pair sees its own data, reproducibly.</summary>
    public static ulong SeedFor(string network, int batch)
    {
        // FNV-1a over the name: string.GetHashCode is randomized per process.
        ulong hash = 14695981039346656037UL;
        foreach (char c in network)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash ^ (ulong)batch;
    }
}
