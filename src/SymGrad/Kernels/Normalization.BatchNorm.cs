using System;
using System.Numerics;

namespace SymGrad.Kernels;

public static partial class Normalization
{
    /// <summary>
    /// Batch norm forward over the columns of X [batch, features]. Training: batch mean and biased
    /// variance; then running = (1 - momentum) running + momentum stat, with the unbiased variance
    /// (PyTorch's BatchNorm1d). Evaluation: the running statistics, left unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short, or training with fewer than 2 samples.</exception>
    public static void BatchNormForward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, Span<T> y, Span<T> xhat,
        Span<T> inverseStd, Span<T> runningMean, Span<T> runningVariance, int batch, int features, bool training, double momentum, double epsilon)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(batch, nameof(batch));
        KernelChecks.Dimension(features, nameof(features));
        CheckMatrix(x.Length, y.Length, xhat.Length, batch, features);
        CheckAffine(gamma.Length, beta.Length, features);
        KernelChecks.AtLeast(inverseStd.Length, 1, features, nameof(inverseStd), "features");
        KernelChecks.AtLeast(runningMean.Length, 1, features, nameof(runningMean), "features");
        KernelChecks.AtLeast(runningVariance.Length, 1, features, nameof(runningVariance), "features");
        if (training && batch < 2)
        {
            throw new ArgumentException("BatchNorm in training mode needs at least 2 samples per batch (the variance of one sample is 0); use Predict or set IsTraining = false.", nameof(batch));
        }
        T eps = T.CreateChecked(epsilon);
        T m = T.CreateChecked(momentum);
        T n = T.CreateChecked(batch);
        for (int j = 0; j < features; j++)
        {
            T mean, variance;
            if (training)
            {
                mean = T.Zero;
                for (int b = 0; b < batch; b++)
                {
                    mean += x[b * features + j];
                }
                mean /= n;
                variance = T.Zero;
                for (int b = 0; b < batch; b++)
                {
                    T d = x[b * features + j] - mean;
                    variance += d * d;
                }
                variance /= n;
                runningMean[j] = (T.One - m) * runningMean[j] + m * mean;
                runningVariance[j] = (T.One - m) * runningVariance[j] + m * variance * n / (n - T.One);
            }
            else
            {
                mean = runningMean[j];
                variance = runningVariance[j];
            }
            T s = T.One / T.Sqrt(variance + eps);
            inverseStd[j] = s;
            for (int b = 0; b < batch; b++)
            {
                int i = b * features + j;
                xhat[i] = (x[i] - mean) * s;
                y[i] = gamma[j] * xhat[i] + beta[j];
            }
        }
    }

    /// <summary>
    /// Batch norm backward: dGamma += sum_b dY xhat, dBeta += sum_b dY, and, when dX is not empty,
    /// dX (=|+=) s (dxhat - mean_b dxhat - xhat mean_b(dxhat xhat)) with dxhat = dY gamma in training
    /// mode, or dX (=|+=) dY gamma s in evaluation mode (the statistics are constants there).
    /// </summary>
    public static void BatchNormBackward<T>(ReadOnlySpan<T> xhat, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, ReadOnlySpan<T> dy,
        Span<T> dGamma, Span<T> dBeta, Span<T> dx, int batch, int features, bool training, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(batch, nameof(batch));
        KernelChecks.Dimension(features, nameof(features));
        CheckMatrix(xhat.Length, dy.Length, xhat.Length, batch, features);
        CheckAffine(dGamma.Length, dBeta.Length, features);
        KernelChecks.AtLeast(gamma.Length, 1, features, nameof(gamma), "features");
        KernelChecks.AtLeast(inverseStd.Length, 1, features, nameof(inverseStd), "features");
        if (!dx.IsEmpty)
        {
            KernelChecks.AtLeast(dx.Length, batch, features, nameof(dx), "batch x features");
        }
        T n = T.CreateChecked(batch);
        for (int j = 0; j < features; j++)
        {
            T sumDy = T.Zero, sumDyXhat = T.Zero;
            for (int b = 0; b < batch; b++)
            {
                int i = b * features + j;
                sumDy += dy[i];
                sumDyXhat += dy[i] * xhat[i];
            }
            dGamma[j] += sumDyXhat;
            dBeta[j] += sumDy;
            if (dx.IsEmpty)
            {
                continue;
            }
            T scale = gamma[j] * inverseStd[j];
            T meanDy = sumDy / n, meanDyXhat = sumDyXhat / n;
            for (int b = 0; b < batch; b++)
            {
                int i = b * features + j;
                T g = training ? scale * (dy[i] - meanDy - xhat[i] * meanDyXhat) : scale * dy[i];
                dx[i] = accumulate ? dx[i] + g : g;
            }
        }
    }
}
