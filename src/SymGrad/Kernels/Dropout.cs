using System;
using System.Numerics;

namespace SymGrad.Kernels;

/// <summary>Inverted dropout: Y = X * M with M = 1/(1-p) for kept elements and 0 for dropped ones; dX = dY * M.</summary>
public static class Dropout
{
    /// <summary>Fills <paramref name="mask"/> from <see cref="DropoutMask"/> and writes y = x * mask over the first <paramref name="length"/> elements.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> mask, int length, double probability, ulong seed, long step, int stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(length, nameof(length), allowZero: true);
        KernelChecks.AtLeast(x.Length, 1, length, nameof(x), "length");
        KernelChecks.AtLeast(y.Length, 1, length, nameof(y), "length");
        KernelChecks.AtLeast(mask.Length, 1, length, nameof(mask), "length");
        T kept = T.CreateChecked(1.0 / (1.0 - probability));
        for (int i = 0; i < length; i++)
        {
            mask[i] = DropoutMask.Keep(seed, step, stream, i, probability) ? kept : T.Zero;
            y[i] = x[i] * mask[i];
        }
    }

    /// <summary>dX (=|+=) dY * mask over the first <paramref name="length"/> elements.</summary>
    public static void Backward<T>(ReadOnlySpan<T> mask, ReadOnlySpan<T> dy, Span<T> dx, int length, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(length, nameof(length), allowZero: true);
        KernelChecks.AtLeast(mask.Length, 1, length, nameof(mask), "length");
        KernelChecks.AtLeast(dy.Length, 1, length, nameof(dy), "length");
        KernelChecks.AtLeast(dx.Length, 1, length, nameof(dx), "length");
        for (int i = 0; i < length; i++)
        {
            T g = dy[i] * mask[i];
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }
}
