using System;

namespace SymGrad;

/// <summary>Fills weight matrices according to an <see cref="Init"/> scheme, deterministically from a <see cref="SeededRandom"/>.</summary>
public static class Initializers
{
    /// <summary>Fills <paramref name="weights"/> (fan_out x fan_in values) with draws of <paramref name="init"/>, in order.</summary>
    public static void Fill(Init init, Span<double> weights, int fanIn, int fanOut, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
        switch (init)
        {
            case Init.Zeros:
                weights.Clear();
                break;
            case Init.XavierUniform:
                FillUniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random);
                break;
            case Init.XavierNormal:
                FillNormal(weights, Math.Sqrt(2.0 / (fanIn + fanOut)), random);
                break;
            case Init.HeUniform:
                FillUniform(weights, Math.Sqrt(6.0 / fanIn), random);
                break;
            case Init.HeNormal:
                FillNormal(weights, Math.Sqrt(2.0 / fanIn), random);
                break;
            case Init.LeCunNormal:
                FillNormal(weights, Math.Sqrt(1.0 / fanIn), random);
                break;
            case Init.StandardUniform:
                FillUniform(weights, 1.0 / Math.Sqrt(fanIn), random);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown initialization scheme.");
        }
    }

    /// <summary>The standard deviation the scheme aims for (0 for <see cref="Init.Zeros"/>).</summary>
    public static double StandardDeviation(Init init, int fanIn, int fanOut) => init switch
    {
        Init.Zeros => 0,
        Init.XavierUniform or Init.XavierNormal => Math.Sqrt(2.0 / (fanIn + fanOut)),
        Init.HeUniform or Init.HeNormal => Math.Sqrt(2.0 / fanIn),
        Init.LeCunNormal => Math.Sqrt(1.0 / fanIn),
        Init.StandardUniform => Math.Sqrt(1.0 / (3.0 * fanIn)),
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown initialization scheme."),
    };

    private static void FillUniform(Span<double> weights, double bound, SeededRandom random)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextUniform(-bound, bound);
        }
    }

    private static void FillNormal(Span<double> weights, double std, SeededRandom random)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = std * random.NextGaussian();
        }
    }
}
