using System;
using System.Numerics;

namespace SymGrad.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Per row: L_b = sum_j t_j (logsumexp(z) - z_j), shifted by the row max; L = mean_b L_b;
    /// dL/dz_k = (softmax(z)_k sum_j t_j - t_k) / B, which is (softmax - t) / B for one-hot rows.
    /// </summary>
    public static T SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> gradient, int batch, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(logits.Length, target.Length, gradient.Length, batch, classes, nameof(logits), nameof(classes));
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
}
