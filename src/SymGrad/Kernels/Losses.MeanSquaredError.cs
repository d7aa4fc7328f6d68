using System;
using System.Numerics;

namespace SymGrad.Kernels;

public static partial class Losses
{
    /// <summary>L = sum (p - t)^2 / (B F); dL/dp = 2 (p - t) / (B F).</summary>
    public static T MeanSquaredError<T>(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> gradient, int batch, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(prediction.Length, target.Length, gradient.Length, batch, features, nameof(prediction), nameof(features), "batch x features");
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
}
