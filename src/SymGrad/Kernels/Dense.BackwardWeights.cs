using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// dW[o, i] += sum_b dY[b, o] X[b, i]; dBias[o] += sum_b dY[b, o]: a broadcast product with dY^T as A
    /// (read through strides, no transposed copy) and the rows of X as B, accumulating into dW.
    /// </summary>
    public static void BackwardWeights<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, Span<T> dWeight, Span<T> dBias, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
        => BackwardWeightsAt(dy, x, dWeight, dBias, batch, inputs, outputs, SimdLanes.Best<T>());

    /// <summary>
    /// As <see cref="BackwardWeights{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, int, int, int)"/>, or, with
    /// <paramref name="accumulate"/> false, dW = dY^T X and dBias = column sums of dY, overwriting whatever the
    /// buffers held: a layer called once needs neither a cleared gradient buffer nor a read of the old values.
    /// </summary>
    public static void BackwardWeights<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, Span<T> dWeight, Span<T> dBias, int batch, int inputs, int outputs, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => BackwardWeightsAt(dy, x, dWeight, dBias, batch, inputs, outputs, SimdLanes.Best<T>(), accumulate);

    /// <summary><see cref="BackwardWeights{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, int, int, int)"/> at a chosen width.</summary>
    internal static void BackwardWeightsAt<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, Span<T> dWeight, Span<T> dBias, int batch, int inputs, int outputs, SimdWidth width,
        bool accumulate = true)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDimensions(batch, inputs, outputs);
        KernelChecks.AtLeast(dy.Length, batch, outputs, nameof(dy), "batch x outputs");
        KernelChecks.AtLeast(x.Length, batch, inputs, nameof(x), "batch x inputs");
        KernelChecks.AtLeast(dWeight.Length, outputs, inputs, nameof(dWeight), "outputs x inputs");
        KernelChecks.AtLeast(dBias.Length, 1, outputs, nameof(dBias), "outputs");

        ref T a = ref MemoryMarshal.GetReference(dy);
        ref T b = ref MemoryMarshal.GetReference(x);
        ref T c = ref MemoryMarshal.GetReference(dWeight);
        // A(m = output, p = sample) = dY[sample * outputs + output]; B = X [batch, inputs]; C = dW [outputs, inputs].
        switch (width)
        {
            case SimdWidth.Bits512:
                BroadcastProduct<T, Lanes512<T>, Vector512<T>>(ref a, 1, outputs, ref b, inputs, ref c, inputs, outputs, inputs, batch, accumulate);
                break;
            case SimdWidth.Bits256:
                BroadcastProduct<T, Lanes256<T>, Vector256<T>>(ref a, 1, outputs, ref b, inputs, ref c, inputs, outputs, inputs, batch, accumulate);
                break;
            case SimdWidth.Bits128:
                BroadcastProduct<T, Lanes128<T>, Vector128<T>>(ref a, 1, outputs, ref b, inputs, ref c, inputs, outputs, inputs, batch, accumulate);
                break;
            default:
                BroadcastProduct<T, Lanes1<T>, T>(ref a, 1, outputs, ref b, inputs, ref c, inputs, outputs, inputs, batch, accumulate);
                break;
        }

        // Column sums of dY, one contiguous row at a time (the bias is a few hundred values: no blocking needed).
        var biasSums = dBias.Slice(0, outputs);
        if (!accumulate)
        {
            biasSums.Clear();
        }
        Elementwise.AddRowsTo(dy, biasSums, batch, outputs);
    }
}
