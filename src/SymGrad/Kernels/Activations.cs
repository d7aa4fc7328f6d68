using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

/// <summary>
/// Element-wise activations whose scalar form is dominated by a call to exp: vectorized with
/// <see cref="Vector.Exp(Vector{float})"/>, so that a sigmoid or tanh layer costs a few cycles per value
/// instead of a libm call each. Generated code calls these for the forward pass; the backward rules need no
/// exp (they are written in terms of the output) and stay inline.
/// </summary>
public static partial class Activations
{
    /// <summary>y = 1 / (1 + e^-x), element-wise over the first <paramref name="count"/> values.</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Apply(x, y, count, tanh: false);

    /// <summary>
    /// y = tanh x = 1 - 2 / (e^(2x) + 1), element-wise: exact limits ±1 for large |x| (e^(2x) overflows to
    /// infinity or underflows to 0), and an absolute error of a few ulps of 1 near 0.
    /// </summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Apply(x, y, count, tanh: true);

    private static void Apply<T>(ReadOnlySpan<T> x, Span<T> y, int count, bool tanh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(x.Length, y.Length, count);
        if (typeof(T) == typeof(float))
        {
            Core(MemoryMarshal.Cast<T, float>(x).Slice(0, count), MemoryMarshal.Cast<T, float>(y), tanh);
            return;
        }
        if (typeof(T) == typeof(double))
        {
            Core(MemoryMarshal.Cast<T, double>(x).Slice(0, count), MemoryMarshal.Cast<T, double>(y), tanh);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            y[k] = Scalar(x[k], tanh);
        }
    }

    private static T Scalar<T>(T x, bool tanh) where T : IFloatingPointIeee754<T> =>
        tanh ? T.Tanh(x) : T.One / (T.One + T.Exp(-x));

    private static void Check(int xLength, int yLength, int count)
    {
        KernelChecks.Dimension(count, nameof(count), allowZero: true);
        KernelChecks.AtLeast(xLength, 1, count, "x", "count");
        KernelChecks.AtLeast(yLength, 1, count, "y", "count");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> ExpOf<T>(Vector<T> v) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.Exp(v.As<T, float>()).As<float, T>();
        }
        return Vector.Exp(v.As<T, double>()).As<double, T>();
    }

    private static void Core<T>(ReadOnlySpan<T> x, Span<T> y, bool tanh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<T>.One;
            var two = one + one;
            for (; k <= x.Length - Vector<T>.Count; k += Vector<T>.Count)
            {
                var v = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(x), (nuint)k);
                var result = tanh ? one - two / (ExpOf(v + v) + one) : one / (one + ExpOf(-v));
                result.StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)k);
            }
        }
        for (; k < x.Length; k++)
        {
            y[k] = Scalar(x[k], tanh);
        }
    }
}
