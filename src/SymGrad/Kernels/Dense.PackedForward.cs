using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// packed[i, o] = weight[o, i]: W^T, for <see cref="ForwardPacked{T}"/>. A layer called several times per pass
    /// (a recurrent cell's dense parts, once per time step) packs once and runs every call in the broadcast form.
    /// </summary>
    public static void PackTransposed<T>(ReadOnlySpan<T> weight, Span<T> packed, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.Dimension(inputs, nameof(inputs));
        KernelChecks.Dimension(outputs, nameof(outputs));
        KernelChecks.AtLeast(weight.Length, outputs, inputs, nameof(weight), "outputs x inputs");
        KernelChecks.AtLeast(packed.Length, inputs, outputs, nameof(packed), "inputs x outputs");
        ref T w0 = ref MemoryMarshal.GetReference(weight);
        ref T p0 = ref MemoryMarshal.GetReference(packed);
        for (int i = 0; i < inputs; i++)
        {
            ref T row = ref Unsafe.Add(ref p0, i * (nint)outputs);
            for (int o = 0; o < outputs; o++)
            {
                Unsafe.Add(ref row, o) = Unsafe.Add(ref w0, o * (nint)inputs + i);
            }
        }
    }

    /// <summary>
    /// Y = X W^T + b with W^T packed by <see cref="PackTransposed{T}"/>: each row of Y is the bias plus X's values
    /// broadcast against W^T's contiguous rows (the broadcast form of the backward products), with no horizontal
    /// sums. Few inputs make the dot-product form of <see cref="Forward{T}"/> spend most of its time reducing
    /// (an LSTM's 8-input W_ih: one vector per dot product); this form has nothing to reduce. Same sums up to the
    /// order of additions.
    /// </summary>
    public static void ForwardPacked<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> packedWeight, ReadOnlySpan<T> bias, Span<T> y, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ForwardPackedAt(x, packedWeight, bias, y, batch, inputs, outputs, SimdLanes.Best<T>());

    /// <summary><see cref="ForwardPacked{T}"/> at a chosen width (tests run every width).</summary>
    internal static void ForwardPackedAt<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> packedWeight, ReadOnlySpan<T> bias, Span<T> y, int batch, int inputs, int outputs, SimdWidth width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDimensions(batch, inputs, outputs);
        KernelChecks.AtLeast(x.Length, batch, inputs, nameof(x), "batch x inputs");
        KernelChecks.AtLeast(packedWeight.Length, inputs, outputs, nameof(packedWeight), "inputs x outputs");
        KernelChecks.AtLeast(bias.Length, 1, outputs, nameof(bias), "outputs");
        KernelChecks.AtLeast(y.Length, batch, outputs, nameof(y), "batch x outputs");
        var biasRow = bias.Slice(0, outputs);
        for (int b = 0; b < batch; b++)
        {
            biasRow.CopyTo(y.Slice(b * outputs, outputs));
        }
        ref T a = ref MemoryMarshal.GetReference(x);
        ref T wt = ref MemoryMarshal.GetReference(packedWeight);
        ref T c = ref MemoryMarshal.GetReference(y);
        // A = X [batch, inputs]; B = W^T [inputs, outputs]; C = Y [batch, outputs], already holding the bias.
        switch (width)
        {
            case SimdWidth.Bits512:
                BroadcastProduct<T, Lanes512<T>, Vector512<T>>(ref a, inputs, 1, ref wt, outputs, ref c, outputs, batch, outputs, inputs, accumulate: true);
                break;
            case SimdWidth.Bits256:
                BroadcastProduct<T, Lanes256<T>, Vector256<T>>(ref a, inputs, 1, ref wt, outputs, ref c, outputs, batch, outputs, inputs, accumulate: true);
                break;
            case SimdWidth.Bits128:
                BroadcastProduct<T, Lanes128<T>, Vector128<T>>(ref a, inputs, 1, ref wt, outputs, ref c, outputs, batch, outputs, inputs, accumulate: true);
                break;
            default:
                BroadcastProduct<T, Lanes1<T>, T>(ref a, inputs, 1, ref wt, outputs, ref c, outputs, batch, outputs, inputs, accumulate: true);
                break;
        }
    }
}
