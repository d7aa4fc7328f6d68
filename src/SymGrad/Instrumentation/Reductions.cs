using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SymGrad.Instrumentation;

/// <summary>
/// The reductions the statistics are made of, over float or double spans, accumulated in double
/// (a float sum of 10^5 squares would lose the fourth digit). SIMD for float via widening.
/// </summary>
public static partial class Reductions
{
    /// <summary>Sum of x^2, in double; NaN or infinity when an element is.</summary>
    public static double SumOfSquares<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return BlockedSumOfSquares(MemoryMarshal.Cast<T, float>(values));
        }
        var doubles = MemoryMarshal.Cast<T, double>(values);
        var acc = Vector<double>.Zero;
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(doubles);
        foreach (var v in vectors)
        {
            acc += v * v;
        }
        double sum = Vector.Sum(acc);
        for (int i = vectors.Length * Vector<double>.Count; i < doubles.Length; i++)
        {
            sum += doubles[i] * doubles[i];
        }
        return sum;
    }

    /// <summary>Sum of x^2 with every element widened to double: exact in range, slower (one dependency chain).</summary>
    private static double WidenedSumOfSquares(ReadOnlySpan<float> values)
    {
        var acc = Vector<double>.Zero;
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        foreach (var v in vectors)
        {
            Vector.Widen(v, out var low, out var high);
            acc += low * low + high * high;
        }
        double sum = Vector.Sum(acc);
        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            sum += (double)values[i] * values[i];
        }
        return sum;
    }

    /// <summary>Sum of x^2 and max |x| in one pass over the data (NaN max when an element is NaN).</summary>
    public static (double SumOfSquares, double MaxAbs) SumOfSquaresAndMaxAbs<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float))
        {
            return (SumOfSquares(values), MaxAbs(values));
        }
        var floats = MemoryMarshal.Cast<T, float>(values);
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(floats);
        var acc = Vector<double>.Zero;
        var max = Vector<float>.Zero;
        foreach (var v in vectors)
        {
            Vector.Widen(v, out var low, out var high);
            acc += low * low + high * high;
            max = Vector.Max(max, Vector.Abs(v));
        }
        double sum = Vector.Sum(acc);
        float result = 0;
        for (int k = 0; k < Vector<float>.Count; k++)
        {
            result = MathF.Max(result, max[k]);
        }
        for (int i = vectors.Length * Vector<float>.Count; i < floats.Length; i++)
        {
            sum += (double)floats[i] * floats[i];
            result = MathF.Max(result, MathF.Abs(floats[i]));
        }
        // A NaN makes the sum NaN; Vector.Max may have dropped it from the max.
        return (sum, double.IsNaN(sum) ? double.NaN : result);
    }

    /// <summary>max |x| (0 for an empty span); NaN when an element is NaN.</summary>
    public static double MaxAbs<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // SIMD max of |x|; Vector.Max may drop a NaN lane, so a NaN is looked for only when one may exist.
        var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
        var max = Vector<T>.Zero;
        var nan = Vector<T>.Zero;
        foreach (var v in vectors)
        {
            max = Vector.Max(max, Vector.Abs(v));
            nan |= Vector.OnesComplement(Vector.Equals(v, v));
        }
        T result = T.Zero;
        for (int k = 0; k < Vector<T>.Count; k++)
        {
            result = T.Max(result, max[k]);
        }
        if (nan != Vector<T>.Zero)
        {
            return double.NaN;
        }
        for (int i = vectors.Length * Vector<T>.Count; i < values.Length; i++)
        {
            T a = T.Abs(values[i]);
            if (T.IsNaN(a))
            {
                return double.NaN;
            }
            result = T.Max(result, a);
        }
        return double.CreateChecked(result);
    }

    /// <summary>Number of NaN and infinite elements.</summary>
    public static int CountNonFinite<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = 0;
        foreach (T x in values)
        {
            if (!T.IsFinite(x))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Sum of (a - b)^2 over two spans of equal length, in double.</summary>
    public static double SumOfSquaredDifferences<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Expected {a.Length} values, like the first span, but got {b.Length}.", nameof(b));
        }
        if (typeof(T) == typeof(float))
        {
            return SumOfSquaredDifferences(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b));
        }
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = double.CreateChecked(a[i]) - double.CreateChecked(b[i]);
            sum += d * d;
        }
        return sum;
    }

    private static double SumOfSquaredDifferences(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var acc = Vector<double>.Zero;
        for (int k = 0; k < va.Length; k++)
        {
            Vector.Widen(va[k], out var aLow, out var aHigh);
            Vector.Widen(vb[k], out var bLow, out var bHigh);
            var low = aLow - bLow;
            var high = aHigh - bHigh;
            acc += low * low + high * high;
        }
        double sum = Vector.Sum(acc);
        for (int i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            double d = (double)a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    /// <summary>The index of the first NaN or infinity, or -1.</summary>
    public static int IndexOfNonFinite<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // x - x is +0 for a finite x and NaN otherwise, so the OR of the differences' bits is zero exactly
        // when every value is finite. Four vectors per test keep the loop at memory speed; the exact index
        // is then found element by element from the start of the first group that failed.
        ref T x = ref MemoryMarshal.GetReference(values);
        int n = Vector<T>.Count;
        int start = 0;
        for (; start <= values.Length - 4 * n; start += 4 * n)
        {
            var v0 = Vector.LoadUnsafe(ref x, (nuint)start);
            var v1 = Vector.LoadUnsafe(ref x, (nuint)(start + n));
            var v2 = Vector.LoadUnsafe(ref x, (nuint)(start + 2 * n));
            var v3 = Vector.LoadUnsafe(ref x, (nuint)(start + 3 * n));
            if (((v0 - v0) | (v1 - v1) | (v2 - v2) | (v3 - v3)) != Vector<T>.Zero)
            {
                break;
            }
        }
        for (int i = start; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Fraction of the <paramref name="features"/> columns of [batch, features] ReLU outputs that are
    /// zero (or negative) for every sample: units that pass no gradient for this batch.
    /// </summary>
    public static double DeadFraction<T>(ReadOnlySpan<T> activations, int batch, int features) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (features <= 0 || batch <= 0)
        {
            return 0;
        }
        int dead = 0;
        for (int j = 0; j < features; j++)
        {
            bool alive = false;
            for (int b = 0; b < batch && !alive; b++)
            {
                alive = activations[b * features + j] > T.Zero;
            }
            dead += alive ? 0 : 1;
        }
        return (double)dead / features;
    }

    /// <summary>
    /// Fraction of the elements of sigmoid or tanh outputs whose derivative is below
    /// <paramref name="threshold"/> times its maximum (0.25 for sigmoid, 1 for tanh).
    /// </summary>
    public static double SaturatedFraction<T>(ReadOnlySpan<T> activations, ActivationKind kind, double threshold) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (activations.Length == 0 || (kind != ActivationKind.Sigmoid && kind != ActivationKind.Tanh))
        {
            return 0;
        }
        int saturated = 0;
        foreach (T value in activations)
        {
            double y = double.CreateChecked(value);
            double derivative = kind == ActivationKind.Sigmoid ? y * (1 - y) / 0.25 : 1 - y * y;
            saturated += derivative < threshold ? 1 : 0;
        }
        return (double)saturated / activations.Length;
    }
}
