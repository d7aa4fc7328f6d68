using System;
using System.Numerics;

namespace SymGrad.Kernels;

/// <summary>Row-wise softmax, shifted by the row maximum, and its backward dX = Y * (dY - sum(dY * Y)).</summary>
public static class Softmax
{
    /// <summary>Y[b, i] = exp(X[b, i] - max_j X[b, j]) / sum_k exp(X[b, k] - max_j X[b, j]); finite for any finite X.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> y, int batch, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(batch, nameof(batch), allowZero: true);
        KernelChecks.Dimension(features, nameof(features));
        KernelChecks.AtLeast(x.Length, batch, features, nameof(x), "batch x features");
        KernelChecks.AtLeast(y.Length, batch, features, nameof(y), "batch x features");
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

    /// <summary>dX[b, i] (=|+=) Y[b, i] (dY[b, i] - sum_j dY[b, j] Y[b, j]), from the forward output Y.</summary>
    public static void Backward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, int batch, int features, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(batch, nameof(batch), allowZero: true);
        KernelChecks.Dimension(features, nameof(features));
        KernelChecks.AtLeast(y.Length, batch, features, nameof(y), "batch x features");
        KernelChecks.AtLeast(dy.Length, batch, features, nameof(dy), "batch x features");
        KernelChecks.AtLeast(dx.Length, batch, features, nameof(dx), "batch x features");
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
