using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// dW[o, i] += sum_b dY[b, o] X[b, i]; dBias[o] += sum_b dY[b, o]. Each dW row is updated by axpy's
    /// over the contiguous X rows, four samples per pass so that the dW row is loaded and stored once per four.
    /// </summary>
    public static void BackwardWeights<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, Span<T> dWeight, Span<T> dBias, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDimensions(batch, inputs, outputs);
        KernelChecks.AtLeast(dy.Length, batch, outputs, nameof(dy), "batch x outputs");
        KernelChecks.AtLeast(x.Length, batch, inputs, nameof(x), "batch x inputs");
        KernelChecks.AtLeast(dWeight.Length, outputs, inputs, nameof(dWeight), "outputs x inputs");
        KernelChecks.AtLeast(dBias.Length, 1, outputs, nameof(dBias), "outputs");

        ref T dy0 = ref MemoryMarshal.GetReference(dy);
        ref T x0 = ref MemoryMarshal.GetReference(x);
        ref T dw0 = ref MemoryMarshal.GetReference(dWeight);
        for (int o = 0; o < outputs; o++)
        {
            ref T dwRow = ref Unsafe.Add(ref dw0, o * inputs);
            T biasSum = T.Zero;
            int b = 0;
            for (; b + 4 <= batch; b += 4)
            {
                T g0 = Unsafe.Add(ref dy0, b * outputs + o);
                T g1 = Unsafe.Add(ref dy0, (b + 1) * outputs + o);
                T g2 = Unsafe.Add(ref dy0, (b + 2) * outputs + o);
                T g3 = Unsafe.Add(ref dy0, (b + 3) * outputs + o);
                biasSum += g0 + g1 + g2 + g3;
                Axpy4(ref dwRow, ref Unsafe.Add(ref x0, b * inputs), inputs, g0, g1, g2, g3);
            }
            for (; b < batch; b++)
            {
                T g = Unsafe.Add(ref dy0, b * outputs + o);
                biasSum += g;
                Axpy(ref dwRow, ref Unsafe.Add(ref x0, b * inputs), inputs, g);
            }
            dBias[o] += biasSum;
        }
    }

    /// <summary>y[i] += a0 r0[i] + a1 r1[i] + a2 r2[i] + a3 r3[i] over four consecutive rows r (row stride n).</summary>
    private static void Axpy4<T>(ref T y, ref T r, int n, T a0, T a1, T a2, T a3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T r1 = ref Unsafe.Add(ref r, n);
        ref T r2 = ref Unsafe.Add(ref r, 2 * n);
        ref T r3 = ref Unsafe.Add(ref r, 3 * n);
        int i = 0;
        if (UseVectors<T>())
        {
            var v0 = new Vector<T>(a0);
            var v1 = new Vector<T>(a1);
            var v2 = new Vector<T>(a2);
            var v3 = new Vector<T>(a3);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                var sum = Vector.LoadUnsafe(ref y, (nuint)i)
                    + v0 * Vector.LoadUnsafe(ref r, (nuint)i)
                    + v1 * Vector.LoadUnsafe(ref r1, (nuint)i)
                    + v2 * Vector.LoadUnsafe(ref r2, (nuint)i)
                    + v3 * Vector.LoadUnsafe(ref r3, (nuint)i);
                sum.StoreUnsafe(ref y, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref y, i) += a0 * Unsafe.Add(ref r, i) + a1 * Unsafe.Add(ref r1, i)
                + a2 * Unsafe.Add(ref r2, i) + a3 * Unsafe.Add(ref r3, i);
        }
    }

    /// <summary>y[i] += a r[i].</summary>
    private static void Axpy<T>(ref T y, ref T r, int n, T a)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (UseVectors<T>())
        {
            var av = new Vector<T>(a);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                (Vector.LoadUnsafe(ref y, (nuint)i) + av * Vector.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref y, i) += a * Unsafe.Add(ref r, i);
        }
    }
}
