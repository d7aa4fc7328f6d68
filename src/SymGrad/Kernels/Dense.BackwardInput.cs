using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// dX[b, i] = sum_o dY[b, o] W[o, i], or += when <paramref name="accumulate"/> (a value used twice, as
    /// in a residual connection): a broadcast product with dY as A and the rows of W as B.
    /// </summary>
    public static void BackwardInput<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> weight, Span<T> dx, int batch, int inputs, int outputs, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => BackwardInputAt(dy, weight, dx, batch, inputs, outputs, accumulate, SimdLanes.Best<T>());

    /// <summary><see cref="BackwardInput{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int, bool)"/> at a chosen width.</summary>
    internal static void BackwardInputAt<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> weight, Span<T> dx, int batch, int inputs, int outputs, bool accumulate, SimdWidth width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDimensions(batch, inputs, outputs);
        KernelChecks.AtLeast(dy.Length, batch, outputs, nameof(dy), "batch x outputs");
        KernelChecks.AtLeast(weight.Length, outputs, inputs, nameof(weight), "outputs x inputs");
        KernelChecks.AtLeast(dx.Length, batch, inputs, nameof(dx), "batch x inputs");

        ref T a = ref MemoryMarshal.GetReference(dy);
        ref T b = ref MemoryMarshal.GetReference(weight);
        ref T c = ref MemoryMarshal.GetReference(dx);
        // A(m = sample, p = output) = dY[sample * outputs + output]; B = W [outputs, inputs]; C = dX [batch, inputs].
        switch (width)
        {
            case SimdWidth.Bits512:
                BroadcastProduct<T, Lanes512<T>, Vector512<T>>(ref a, outputs, 1, ref b, inputs, ref c, inputs, batch, inputs, outputs, accumulate);
                break;
            case SimdWidth.Bits256:
                BroadcastProduct<T, Lanes256<T>, Vector256<T>>(ref a, outputs, 1, ref b, inputs, ref c, inputs, batch, inputs, outputs, accumulate);
                break;
            case SimdWidth.Bits128:
                BroadcastProduct<T, Lanes128<T>, Vector128<T>>(ref a, outputs, 1, ref b, inputs, ref c, inputs, batch, inputs, outputs, accumulate);
                break;
            default:
                BroadcastProduct<T, Lanes1<T>, T>(ref a, outputs, 1, ref b, inputs, ref c, inputs, batch, inputs, outputs, accumulate);
                break;
        }
    }
}
