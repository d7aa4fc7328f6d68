using System;

namespace SymGrad;

// Normalization and masking on the tape. Normalizing a group of n values, xhat = (x - mean) * s with
// s = 1 / sqrt(var + eps) and the biased variance, has the textbook backward
//   dx_i = s * (dxhat_i - mean_k(dxhat_k) - xhat_i * mean_k(dxhat_k * xhat_k)),
// where the group is a column (batch norm) or a row (layer norm).
public sealed partial class Tensor
{
    /// <summary>
    /// Batch norm in training mode: each column of <paramref name="x"/> [batch, features] normalized with
    /// its batch mean and biased variance, then scaled by <paramref name="gamma"/> and shifted by
    /// <paramref name="beta"/> (both [1, features]).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit, or the batch has fewer than 2 rows.</exception>
    public static Tensor BatchNorm(Tensor x, Tensor gamma, Tensor beta, double epsilon)
    {
        CheckAffine(x, gamma, beta, "BatchNorm");
        if (x.Rows < 2)
        {
            throw new ArgumentException($"BatchNorm in training mode needs at least 2 samples per batch; got {x.Shape}.", nameof(x));
        }
        return NormalizeGroups(x, gamma, beta, epsilon, byColumn: true);
    }

    /// <summary>Layer norm: each row of <paramref name="x"/> normalized with its own mean and biased variance, then scaled and shifted.</summary>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public static Tensor LayerNorm(Tensor x, Tensor gamma, Tensor beta, double epsilon)
    {
        CheckAffine(x, gamma, beta, "LayerNorm");
        return NormalizeGroups(x, gamma, beta, epsilon, byColumn: false);
    }

    /// <summary>
    /// Batch norm in evaluation mode: column j normalized with the constants <paramref name="mean"/>[j]
    /// and <paramref name="variance"/>[j] (the running statistics), then scaled and shifted; the
    /// derivative with respect to x is simply gamma / sqrt(variance + eps).
    /// </summary>
    public static Tensor Normalize(Tensor x, Tensor gamma, Tensor beta, double[] mean, double[] variance, double epsilon)
    {
        CheckAffine(x, gamma, beta, "Normalize");
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(variance);
        int rows = x.Rows, columns = x.Columns;
        if (mean.Length != columns || variance.Length != columns)
        {
            throw new ArgumentException($"Normalize needs {columns} means and variances; got {mean.Length} and {variance.Length}.");
        }
        var xhat = new double[x.Length];
        var y = new double[x.Length];
        for (int n = 0; n < rows; n++)
        {
            for (int j = 0; j < columns; j++)
            {
                int i = n * columns + j;
                xhat[i] = (x.Data[i] - mean[j]) / Math.Sqrt(variance[j] + epsilon);
                y[i] = gamma.Data[j] * xhat[i] + beta.Data[j];
            }
        }
        return Record(rows, columns, y, new[] { x, gamma, beta }, result =>
        {
            var dy = result.Gradient!;
            for (int n = 0; n < rows; n++)
            {
                for (int j = 0; j < columns; j++)
                {
                    int i = n * columns + j;
                    if (x.Gradient is { } dx)
                    {
                        dx[i] += dy[i] * gamma.Data[j] / Math.Sqrt(variance[j] + epsilon);
                    }
                    if (gamma.Gradient is { } dg)
                    {
                        dg[j] += dy[i] * xhat[i];
                    }
                    if (beta.Gradient is { } db)
                    {
                        db[j] += dy[i];
                    }
                }
            }
        });
    }

    /// <summary>x * scale, element by element, with <paramref name="scale"/> a constant (a dropout mask).</summary>
    public static Tensor ScaleElements(Tensor x, double[] scale)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(scale);
        if (scale.Length != x.Length)
        {
            throw new ArgumentException($"The scale has {scale.Length} values; the tensor {x.Shape} has {x.Length}.", nameof(scale));
        }
        var y = new double[x.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = x.Data[i] * scale[i];
        }
        return Record(x.Rows, x.Columns, y, new[] { x }, result =>
        {
            for (int i = 0; i < y.Length; i++)
            {
                x.Gradient![i] += result.Gradient![i] * scale[i];
            }
        });
    }

    // Element k of group g: index of (row, column) = byColumn ? (k, g) : (g, k).
    private static Tensor NormalizeGroups(Tensor x, Tensor gamma, Tensor beta, double epsilon, bool byColumn)
    {
        int rows = x.Rows, columns = x.Columns;
        int groups = byColumn ? columns : rows, size = byColumn ? rows : columns;
        int Index(int g, int k) => byColumn ? k * columns + g : g * columns + k;

        var xhat = new double[x.Length];
        var inverseStd = new double[groups];
        for (int g = 0; g < groups; g++)
        {
            double mean = 0;
            for (int k = 0; k < size; k++)
            {
                mean += x.Data[Index(g, k)];
            }
            mean /= size;
            double variance = 0;
            for (int k = 0; k < size; k++)
            {
                double d = x.Data[Index(g, k)] - mean;
                variance += d * d;
            }
            variance /= size;
            inverseStd[g] = 1.0 / Math.Sqrt(variance + epsilon);
            for (int k = 0; k < size; k++)
            {
                xhat[Index(g, k)] = (x.Data[Index(g, k)] - mean) * inverseStd[g];
            }
        }
        var y = new double[x.Length];
        for (int i = 0; i < y.Length; i++)
        {
            int j = i % columns;
            y[i] = gamma.Data[j] * xhat[i] + beta.Data[j];
        }

        return Record(rows, columns, y, new[] { x, gamma, beta }, result =>
        {
            var dy = result.Gradient!;
            for (int i = 0; i < dy.Length; i++)
            {
                int j = i % columns;
                if (gamma.Gradient is { } dg)
                {
                    dg[j] += dy[i] * xhat[i];
                }
                if (beta.Gradient is { } db)
                {
                    db[j] += dy[i];
                }
            }
            if (x.Gradient is not { } dx)
            {
                return;
            }
            for (int g = 0; g < groups; g++)
            {
                double meanDxhat = 0, meanDxhatXhat = 0;
                for (int k = 0; k < size; k++)
                {
                    int i = Index(g, k);
                    double dxhat = dy[i] * gamma.Data[i % columns];
                    meanDxhat += dxhat;
                    meanDxhatXhat += dxhat * xhat[i];
                }
                meanDxhat /= size;
                meanDxhatXhat /= size;
                for (int k = 0; k < size; k++)
                {
                    int i = Index(g, k);
                    double dxhat = dy[i] * gamma.Data[i % columns];
                    dx[i] += inverseStd[g] * (dxhat - meanDxhat - xhat[i] * meanDxhatXhat);
                }
            }
        });
    }

    private static void CheckAffine(Tensor x, Tensor gamma, Tensor beta, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(gamma);
        ArgumentNullException.ThrowIfNull(beta);
        if (gamma.Rows != 1 || gamma.Columns != x.Columns || beta.Rows != 1 || beta.Columns != x.Columns)
        {
            throw new ArgumentException($"{op}: gamma {gamma.Shape} and beta {beta.Shape} must be [1, {x.Columns}] for the input {x.Shape}.");
        }
    }
}
