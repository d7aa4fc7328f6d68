using System;
using System.Globalization;
using System.Numerics;

namespace SymGrad.Instrumentation;

/// <summary>The check instrumented networks run on their inputs and targets.</summary>
public static class FiniteInputs
{
    /// <summary>Throws when an element of <paramref name="values"/> is NaN or infinite.</summary>
    /// <exception cref="ArgumentException">The message names the argument, the first bad index and its value.</exception>
    public static void Require<T>(ReadOnlySpan<T> values, string argumentName) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = Reductions.IndexOfNonFinite(values);
        if (i >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{argumentName}[{i}] is {values[i]}; an instrumented network accepts only finite values (a NaN or infinity in the data would be reported as a gradient failure)."),
                argumentName);
        }
    }
}
