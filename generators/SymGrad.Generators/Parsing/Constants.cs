using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SymGrad.Generators.Parsing;

/// <summary>Reads compile-time constants (from <see cref="SemanticModel.GetConstantValue"/>) as numbers.</summary>
internal static class Constants
{
    /// <summary>A numeric constant of any type, as a double (a float 0.2f stays the float's exact value).</summary>
    public static bool TryToDouble(Optional<object?> constant, out double value)
    {
        value = 0;
        if (!constant.HasValue || constant.Value is null or bool or string or char)
        {
            return false;
        }
        try
        {
            value = Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>An integral constant that fits an int.</summary>
    public static bool TryToInt(Optional<object?> constant, out int value)
    {
        value = 0;
        switch (constant.HasValue ? constant.Value : null)
        {
            case int i:
                value = i;
                return true;
            case short or ushort or byte or sbyte:
                value = Convert.ToInt32(constant.Value, CultureInfo.InvariantCulture);
                return true;
            case long l when l >= int.MinValue && l <= int.MaxValue:
                value = (int)l;
                return true;
            case uint u when u <= int.MaxValue:
                value = (int)u;
                return true;
            default:
                return false;
        }
    }
}
