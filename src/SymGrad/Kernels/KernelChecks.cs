using System;

namespace SymGrad.Kernels;

/// <summary>Size validation at the kernels' public boundary, with messages that name the argument and the expected length.</summary>
internal static class KernelChecks
{
    public static void Dimension(int value, string name, bool allowZero = false)
    {
        if (value < 0 || (value == 0 && !allowZero))
        {
            throw new ArgumentOutOfRangeException(name, value, allowZero ? "Expected a size >= 0." : "Expected a size > 0.");
        }
    }

    /// <summary>Checks that a span holds at least <paramref name="rows"/> x <paramref name="columns"/> values.</summary>
    public static void AtLeast(int length, int rows, int columns, string name, string shape)
    {
        long required = (long)rows * columns;
        if (length < required)
        {
            throw new ArgumentException($"{name} has length {length}; expected at least {required} ({shape} = {rows} x {columns}).", name);
        }
    }
}
