using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// Y[b, o] = sum_i X[b, i] W[o, i] + bias[o], with W stored [outputs, inputs]: register-blocked dot
    /// products (4 samples x 4 outputs per block), at most 256 bits wide (see <see cref="DotProductWidth{T}"/>).
    /// </summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias, Span<T> y, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
        => ForwardAt(x, weight, bias, y, batch, inputs, outputs, DotProductWidth<T>());

    /// <summary>
    /// The dot-product form ends each 4 x 4 block with 16 horizontal sums, which cost more the wider the vector:
    /// on the AMD EPYC (AVX-512) this was tuned on, 256-bit lanes beat 512-bit ones on every layer shape of the
    /// benchmark networks (DenseKernelBenchmarks compares the widths), so the forward product stops at 256 bits;
    /// the broadcast products (no horizontal sums) use the widest width.
    /// </summary>
    private static SimdWidth DotProductWidth<T>() where T : unmanaged
    {
        var best = SimdLanes.Best<T>();
        return best == SimdWidth.Bits512 ? SimdWidth.Bits256 : best;
    }

    /// <summary><see cref="Forward{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int)"/> at a chosen width (tests run every width).</summary>
    internal static void ForwardAt<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias, Span<T> y, int batch, int inputs, int outputs, SimdWidth width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDimensions(batch, inputs, outputs);
        KernelChecks.AtLeast(x.Length, batch, inputs, nameof(x), "batch x inputs");
        KernelChecks.AtLeast(weight.Length, outputs, inputs, nameof(weight), "outputs x inputs");
        KernelChecks.AtLeast(bias.Length, 1, outputs, nameof(bias), "outputs");
        KernelChecks.AtLeast(y.Length, batch, outputs, nameof(y), "batch x outputs");

        // Sizes are checked above, so the kernels index through refs without bounds checks.
        ref T x0 = ref MemoryMarshal.GetReference(x);
        ref T w0 = ref MemoryMarshal.GetReference(weight);
        ref T b0 = ref MemoryMarshal.GetReference(bias);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        switch (width)
        {
            case SimdWidth.Bits512:
                DotProduct<T, Lanes512<T>, Vector512<T>>(ref x0, ref w0, ref b0, ref y0, batch, inputs, outputs);
                break;
            case SimdWidth.Bits256:
                DotProduct<T, Lanes256<T>, Vector256<T>>(ref x0, ref w0, ref b0, ref y0, batch, inputs, outputs);
                break;
            case SimdWidth.Bits128:
                DotProduct<T, Lanes128<T>, Vector128<T>>(ref x0, ref w0, ref b0, ref y0, batch, inputs, outputs);
                break;
            default:
                DotProduct<T, Lanes1<T>, T>(ref x0, ref w0, ref b0, ref y0, batch, inputs, outputs);
                break;
        }
    }
}
