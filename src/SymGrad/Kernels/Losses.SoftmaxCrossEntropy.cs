using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Per row: L_b = sum_j t_j (logsumexp(z) - z_j), shifted by the row max; L = mean_b L_b;
    /// dL/dz_k = (softmax(z)_k sum_j t_j - t_k) / B, which is (softmax - t) / B for one-hot rows.
    /// With a gradient buffer, the shifted logits of the whole batch are exponentiated there in one vectorized
    /// pass (one exp per logit); without one (the loss alone), row by row in scalar code.
    /// </summary>
    public static T SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> gradient, int batch, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(logits.Length, target.Length, gradient.Length, batch, classes, nameof(logits), nameof(classes), "batch x classes");
        return gradient.IsEmpty
            ? SoftmaxCrossEntropyLossOnly(logits, target, batch, classes)
            : SoftmaxCrossEntropyWithGradient(logits, target, gradient.Slice(0, batch * classes), batch, classes);
    }

    private static T SoftmaxCrossEntropyWithGradient<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> gradient, int batch, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Sizes are checked by the caller: the loops index through refs, without a bounds check per value.
        ref T z0 = ref MemoryMarshal.GetReference(logits);
        ref T t0 = ref MemoryMarshal.GetReference(target);
        ref T e0 = ref MemoryMarshal.GetReference(gradient);
        for (int b = 0; b < batch; b++)
        {
            ref T z = ref Unsafe.Add(ref z0, b * classes);
            ref T e = ref Unsafe.Add(ref e0, b * classes);
            T max = RowMax(ref z, classes);
            for (int j = 0; j < classes; j++)
            {
                Unsafe.Add(ref e, j) = Unsafe.Add(ref z, j) - max;
            }
        }
        ExpInPlace(gradient);

        T invBatch = T.CreateChecked(1.0 / batch);
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            ref T z = ref Unsafe.Add(ref z0, b * classes);
            ref T t = ref Unsafe.Add(ref t0, b * classes);
            ref T e = ref Unsafe.Add(ref e0, b * classes);
            T sumExp = RowSum(ref e, classes);
            var (sumT, targetDotLogits) = TargetSums(ref t, ref z, classes);
            T logSumExp = RowMax(ref z, classes) + T.Log(sumExp); // the max again: cheaper than a buffer, which would have to be allocated
            total += double.CreateTruncating(RowLoss(sumT, targetDotLogits, logSumExp));
            T scale = sumT / sumExp * invBatch;
            for (int j = 0; j < classes; j++)
            {
                Unsafe.Add(ref e, j) = Unsafe.Add(ref e, j) * scale - Unsafe.Add(ref t, j) * invBatch;
            }
        }
        return T.CreateChecked(total / batch);
    }

    /// <summary>
    /// The row's maximum with the hardware's max instruction (branch-free; T.Max's NaN and signed-zero rules cost
    /// several instructions a value and are not needed: a NaN logit still makes its row's exp, sum, loss and
    /// gradient NaN).
    /// </summary>
    private static T RowMax<T>(ref T row, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = row, max1 = row;
        int j = 1;
        for (; j + 1 < length; j += 2)
        {
            max = T.MaxNative(max, Unsafe.Add(ref row, j));
            max1 = T.MaxNative(max1, Unsafe.Add(ref row, j + 1));
        }
        if (j < length)
        {
            max = T.MaxNative(max, Unsafe.Add(ref row, j));
        }
        return T.MaxNative(max, max1);
    }

    private static T SoftmaxCrossEntropyLossOnly<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, int batch, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T z0 = ref MemoryMarshal.GetReference(logits);
        ref T t0 = ref MemoryMarshal.GetReference(target);
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            ref T z = ref Unsafe.Add(ref z0, b * classes);
            T max = RowMax(ref z, classes);
            T sumExp = T.Zero;
            for (int j = 0; j < classes; j++)
            {
                sumExp += T.Exp(Unsafe.Add(ref z, j) - max);
            }
            var (sumT, targetDotLogits) = TargetSums(ref Unsafe.Add(ref t0, b * classes), ref z, classes);
            total += double.CreateTruncating(RowLoss(sumT, targetDotLogits, max + T.Log(sumExp)));
        }
        return T.CreateChecked(total / batch);
    }

    /// <summary>
    /// sum_j t_j (logSumExp - z_j) of one row, as sumT logSumExp - t . z: one term per row instead of per value,
    /// and no t_j = 0 times an overflowed logSumExp - z_j (for a one-hot row this is exactly logSumExp - z_label).
    /// Both the loss with a gradient and the loss alone use it, so ComputeLoss and ComputeGradients agree.
    /// </summary>
    private static T RowLoss<T>(T sumT, T targetDotLogits, T logSumExp)
        where T : unmanaged, IFloatingPointIeee754<T>
        => sumT * logSumExp - targetDotLogits;

    /// <summary>
    /// sum_j t_j and sum_j t_j z_j of one row, on two accumulators each (even and odd classes): rows are short, so
    /// the chains of dependent adds, not the adds themselves, set the pace.
    /// </summary>
    private static (T SumT, T TargetDotLogits) TargetSums<T>(ref T t, ref T z, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sumT = T.Zero, dot = T.Zero, sumT1 = T.Zero, dot1 = T.Zero;
        int j = 0;
        for (; j + 1 < classes; j += 2)
        {
            T tj = Unsafe.Add(ref t, j), tj1 = Unsafe.Add(ref t, j + 1);
            sumT += tj;
            sumT1 += tj1;
            dot += tj * Unsafe.Add(ref z, j);
            dot1 += tj1 * Unsafe.Add(ref z, j + 1);
        }
        if (j < classes)
        {
            T tj = Unsafe.Add(ref t, j);
            sumT += tj;
            dot += tj * Unsafe.Add(ref z, j);
        }
        return (sumT + sumT1, dot + dot1);
    }

    /// <summary>The sum of one row on two accumulators (see <see cref="TargetSums{T}"/>).</summary>
    private static T RowSum<T>(ref T row, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero, sum1 = T.Zero;
        int j = 0;
        for (; j + 1 < length; j += 2)
        {
            sum += Unsafe.Add(ref row, j);
            sum1 += Unsafe.Add(ref row, j + 1);
        }
        if (j < length)
        {
            sum += Unsafe.Add(ref row, j);
        }
        return sum + sum1;
    }

    /// <summary>values[k] = e^values[k], vectorized for float and double.</summary>
    private static void ExpInPlace<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated && (typeof(T) == typeof(float) || typeof(T) == typeof(double)))
        {
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            for (int v = 0; v < vectors.Length; v++)
            {
                vectors[v] = typeof(T) == typeof(float)
                    ? Vector.Exp(vectors[v].As<T, float>()).As<float, T>()
                    : Vector.Exp(vectors[v].As<T, double>()).As<double, T>();
            }
            k = vectors.Length * Vector<T>.Count;
        }
        for (; k < values.Length; k++)
        {
            values[k] = T.Exp(values[k]);
        }
    }
}
