using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// Y[b, o] = sum_i X[b, i] W[o, i] + bias[o]: one dot product per (sample, output), computed four
    /// outputs at a time so that each load of the X row feeds four multiply-adds.
    /// </summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias, Span<T> y, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDimensions(batch, inputs, outputs);
        KernelChecks.AtLeast(x.Length, batch, inputs, nameof(x), "batch x inputs");
        KernelChecks.AtLeast(weight.Length, outputs, inputs, nameof(weight), "outputs x inputs");
        KernelChecks.AtLeast(bias.Length, 1, outputs, nameof(bias), "outputs");
        KernelChecks.AtLeast(y.Length, batch, outputs, nameof(y), "batch x outputs");

        // Sizes are checked above, so the loops below index through refs without bounds checks.
        ref T x0 = ref MemoryMarshal.GetReference(x);
        ref T w0 = ref MemoryMarshal.GetReference(weight);
        ref T bias0 = ref MemoryMarshal.GetReference(bias);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        for (int b = 0; b < batch; b++)
        {
            ref T xRow = ref Unsafe.Add(ref x0, b * inputs);
            ref T yRow = ref Unsafe.Add(ref y0, b * outputs);
            int o = 0;
            for (; o + 4 <= outputs; o += 4)
            {
                ref T wRow = ref Unsafe.Add(ref w0, o * inputs);
                Dot4(ref xRow, ref wRow, inputs, out T s0, out T s1, out T s2, out T s3);
                Unsafe.Add(ref yRow, o) = s0 + Unsafe.Add(ref bias0, o);
                Unsafe.Add(ref yRow, o + 1) = s1 + Unsafe.Add(ref bias0, o + 1);
                Unsafe.Add(ref yRow, o + 2) = s2 + Unsafe.Add(ref bias0, o + 2);
                Unsafe.Add(ref yRow, o + 3) = s3 + Unsafe.Add(ref bias0, o + 3);
            }
            for (; o < outputs; o++)
            {
                Unsafe.Add(ref yRow, o) = Dot(ref xRow, ref Unsafe.Add(ref w0, o * inputs), inputs) + Unsafe.Add(ref bias0, o);
            }
        }
    }

    /// <summary>Four dot products of x with the four consecutive rows of w (row stride n).</summary>
    private static void Dot4<T>(ref T x, ref T w, int n, out T s0, out T s1, out T s2, out T s3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T w1 = ref Unsafe.Add(ref w, n);
        ref T w2 = ref Unsafe.Add(ref w, 2 * n);
        ref T w3 = ref Unsafe.Add(ref w, 3 * n);
        int i = 0;
        s0 = s1 = s2 = s3 = T.Zero;
        if (UseVectors<T>() && n >= Vector<T>.Count)
        {
            var a0 = Vector<T>.Zero;
            var a1 = Vector<T>.Zero;
            var a2 = Vector<T>.Zero;
            var a3 = Vector<T>.Zero;
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                var xv = Vector.LoadUnsafe(ref x, (nuint)i);
                a0 += xv * Vector.LoadUnsafe(ref w, (nuint)i);
                a1 += xv * Vector.LoadUnsafe(ref w1, (nuint)i);
                a2 += xv * Vector.LoadUnsafe(ref w2, (nuint)i);
                a3 += xv * Vector.LoadUnsafe(ref w3, (nuint)i);
            }
            s0 = Vector.Sum(a0);
            s1 = Vector.Sum(a1);
            s2 = Vector.Sum(a2);
            s3 = Vector.Sum(a3);
        }
        for (; i < n; i++)
        {
            T xi = Unsafe.Add(ref x, i);
            s0 += xi * Unsafe.Add(ref w, i);
            s1 += xi * Unsafe.Add(ref w1, i);
            s2 += xi * Unsafe.Add(ref w2, i);
            s3 += xi * Unsafe.Add(ref w3, i);
        }
    }

    /// <summary>One dot product of length n, for the outputs left after the blocks of four.</summary>
    private static T Dot<T>(ref T x, ref T w, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        if (UseVectors<T>() && n >= Vector<T>.Count)
        {
            var acc = Vector<T>.Zero;
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                acc += Vector.LoadUnsafe(ref x, (nuint)i) * Vector.LoadUnsafe(ref w, (nuint)i);
            }
            sum = Vector.Sum(acc);
        }
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref w, i);
        }
        return sum;
    }
}
