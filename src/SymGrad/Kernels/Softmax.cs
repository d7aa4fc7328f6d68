using System;
using System.Numerics;

namespace SymGrad.Kernels;

/// <summary>Row-wise softmax, shifted by the row maximum, and its backward dX = Y * (dY - sum(dY * Y)).</summary>
public static class Softmax
{
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> y, int batch, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int b = 0; b < batch; b++)
        {
            var xRow = x.Slice(b * features, features);
            var yRow = y.Slice(b * features, features);
            T max = xRow[0];
            for (int i = 1; i < features; i++)
            {
                max = T.Max(max, xRow[i]);
            }
            T sum = T.Zero;
            for (int i = 0; i < features; i++)
            {
                yRow[i] = T.Exp(xRow[i] - max);
                sum += yRow[i];
            }
            for (int i = 0; i < features; i++)
            {
                yRow[i] /= sum;
            }
        }
    }

    public static void Backward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, int batch, int features, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int b = 0; b < batch; b++)
        {
            var yRow = y.Slice(b * features, features);
            var dyRow = dy.Slice(b * features, features);
            var dxRow = dx.Slice(b * features, features);
            T dot = T.Zero;
            for (int i = 0; i < features; i++)
            {
                dot += dyRow[i] * yRow[i];
            }
            for (int i = 0; i < features; i++)
            {
                T g = yRow[i] * (dyRow[i] - dot);
                dxRow[i] = accumulate ? dxRow[i] + g : g;
            }
        }
    }
}
