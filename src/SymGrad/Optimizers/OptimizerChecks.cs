using System;

namespace SymGrad;

/// <summary>Argument validation shared by the optimizers, with messages that name the argument and the expected range.</summary>
internal static class OptimizerChecks
{
    public static void SameLength(int parameters, int gradients)
    {
        if (parameters != gradients)
        {
            throw new ArgumentException(
                $"Parameters and gradients must have equal lengths: parameters has {parameters}, gradients has {gradients}.",
                nameof(gradients));
        }
    }

    public static void NonNegativeFinite(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Expected a finite value >= 0.");
        }
    }

    public static void PositiveFinite(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Expected a finite value > 0.");
        }
    }

    /// <summary>Decay rates (momentum, Adam's betas) must lie in [0, 1): at 1 the average never forgets and the step does not converge.</summary>
    public static void DecayRate(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Expected a value in [0, 1).");
        }
    }
}
