using System;
using System.Numerics;

namespace SymGrad.Kernels;

public static partial class Losses
{
    /// <summary>
    /// L = mean over B F of max(z, 0) - z t + log(1 + e^-|z|) (stable for any z);
    /// dL/dz = (sigmoid(z) - t) / (B F).
    /// </summary>
    public static T BinaryCrossEntropyWithLogits<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> gradient, int batch, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(logits.Length, target.Length, gradient.Length, batch, features, nameof(logits), nameof(features), "batch x features");
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
