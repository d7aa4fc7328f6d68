using System;
using System.Numerics;

namespace SymGrad.Kernels;

/// <summary>
/// The fused losses, averaged over the batch, each returning the loss and (when <c>gradient</c> is
/// not empty) writing dLoss/dPrediction. The loss is summed in double for every precision.
/// </summary>
public static class Losses
{
    /// <summary>L = sum (p - t)^2 / (B F); dL/dp = 2 (p - t) / (B F).</summary>
    public static T MeanSquaredError<T>(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> gradient, int batch, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = batch * features;
        T scale = T.CreateChecked(2.0 / n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            T r = prediction[i] - target[i];
            sum += double.CreateChecked(r * r);
            if (!gradient.IsEmpty)
            {
                gradient[i] = scale * r;
            }
        }
        return T.CreateChecked(sum / n);
    }

    /// <summary>
    /// Per row: L_b = sum_j t_j (logsumexp(z) - z_j), shifted by the row max; L = mean_b L_b;
    /// dL/dz_k = (softmax(z)_k sum_j t_j - t_k) / B, which is (softmax - t) / B for one-hot rows.
    /// </summary>
    public static T SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> gradient, int batch, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T invBatch = T.CreateChecked(1.0 / batch);
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            var z = logits.Slice(b * classes, classes);
            var t = target.Slice(b * classes, classes);
            T max = z[0];
            for (int j = 1; j < classes; j++)
            {
                max = T.Max(max, z[j]);
            }
            T sumExp = T.Zero;
            T sumT = T.Zero;
            for (int j = 0; j < classes; j++)
            {
                sumExp += T.Exp(z[j] - max);
                sumT += t[j];
            }
            T logSumExp = max + T.Log(sumExp);
            for (int j = 0; j < classes; j++)
            {
                total += double.CreateChecked(t[j] * (logSumExp - z[j]));
                if (!gradient.IsEmpty)
                {
                    T p = T.Exp(z[j] - logSumExp);
                    gradient[b * classes + j] = (p * sumT - t[j]) * invBatch;
                }
            }
        }
        return T.CreateChecked(total / batch);
    }

    /// <summary>
    /// L = mean over B F of max(z, 0) - z t + log(1 + e^-|z|) (stable for any z);
    /// dL/dz = (sigmoid(z) - t) / (B F).
    /// </summary>
    public static T BinaryCrossEntropyWithLogits<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> gradient, int batch, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = batch * features;
        T invN = T.CreateChecked(1.0 / n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            T z = logits[i];
            T t = target[i];
            sum += double.CreateChecked(T.Max(z, T.Zero) - z * t + T.LogP1(T.Exp(-T.Abs(z))));
            if (!gradient.IsEmpty)
            {
                gradient[i] = (T.One / (T.One + T.Exp(-z)) - t) * invN;
            }
        }
        return T.CreateChecked(sum / n);
    }
}
