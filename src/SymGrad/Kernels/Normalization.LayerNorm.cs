using System;
using System.Numerics;

namespace SymGrad.Kernels;

public static partial class Normalization
{
    /// <summary>Layer norm forward: each row of X [batch, features] normalized with its own mean and biased variance, then scaled and shifted.</summary>
    public static void LayerNormForward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, Span<T> y, Span<T> xhat,
        Span<T> inverseStd, int batch, int features, double epsilon)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(batch, nameof(batch), allowZero: true);
        KernelChecks.Dimension(features, nameof(features));
        CheckMatrix(x.Length, y.Length, xhat.Length, batch, features);
        CheckAffine(gamma.Length, beta.Length, features);
        KernelChecks.AtLeast(inverseStd.Length, 1, batch, nameof(inverseStd), "batch");
        T eps = T.CreateChecked(epsilon);
        T f = T.CreateChecked(features);
        for (int b = 0; b < batch; b++)
        {
            var row = x.Slice(b * features, features);
            T mean = T.Zero;
            for (int j = 0; j < features; j++)
            {
                mean += row[j];
            }
            mean /= f;
            T variance = T.Zero;
            for (int j = 0; j < features; j++)
            {
                T d = row[j] - mean;
                variance += d * d;
            }
            variance /= f;
            T s = T.One / T.Sqrt(variance + eps);
            inverseStd[b] = s;
            for (int j = 0; j < features; j++)
            {
                int i = b * features + j;
                xhat[i] = (row[j] - mean) * s;
                y[i] = gamma[j] * xhat[i] + beta[j];
            }
        }
    }

    /// <summary>
    /// Layer norm backward: dGamma += sum_b dY xhat, dBeta += sum_b dY, and, when dX is not empty,
    /// dX (=|+=) s (dxhat - mean_j dxhat - xhat mean_j(dxhat xhat)) per row, with dxhat = dY gamma.
    /// </summary>
    public static void LayerNormBackward<T>(ReadOnlySpan<T> xhat, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, ReadOnlySpan<T> dy,
        Span<T> dGamma, Span<T> dBeta, Span<T> dx, int batch, int features, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(batch, nameof(batch), allowZero: true);
        KernelChecks.Dimension(features, nameof(features));
        CheckMatrix(xhat.Length, dy.Length, xhat.Length, batch, features);
        CheckAffine(dGamma.Length, dBeta.Length, features);
        KernelChecks.AtLeast(gamma.Length, 1, features, nameof(gamma), "features");
        KernelChecks.AtLeast(inverseStd.Length, 1, batch, nameof(inverseStd), "batch");
        if (!dx.IsEmpty)
        {
            KernelChecks.AtLeast(dx.Length, batch, features, nameof(dx), "batch x features");
        }
        T f = T.CreateChecked(features);
        for (int b = 0; b < batch; b++)
        {
            T meanDxhat = T.Zero, meanDxhatXhat = T.Zero;
            for (int j = 0; j < features; j++)
            {
                int i = b * features + j;
                dGamma[j] += dy[i] * xhat[i];
                dBeta[j] += dy[i];
                T dxhat = dy[i] * gamma[j];
                meanDxhat += dxhat;
                meanDxhatXhat += dxhat * xhat[i];
            }
            if (dx.IsEmpty)
            {
                continue;
            }
            meanDxhat /= f;
            meanDxhatXhat /= f;
            for (int j = 0; j < features; j++)
            {
                int i = b * features + j;
                T g = inverseStd[b] * (dy[i] * gamma[j] - meanDxhat - xhat[i] * meanDxhatXhat);
                dx[i] = accumulate ? dx[i] + g : g;
            }
        }
    }
}
