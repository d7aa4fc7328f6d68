using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// dX[b, i] = sum_o dY[b, o] W[o, i], or += when <paramref name="accumulate"/> (a value used twice, as
    /// in a residual connection). Each dX row is built by axpy's over the contiguous W rows, four outputs per pass.
    /// </summary>
    public static void BackwardInput<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> weight, Span<T> dx, int batch, int inputs, int outputs, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDimensions(batch, inputs, outputs);
        KernelChecks.AtLeast(dy.Length, batch, outputs, nameof(dy), "batch x outputs");
        KernelChecks.AtLeast(weight.Length, outputs, inputs, nameof(weight), "outputs x inputs");
        KernelChecks.AtLeast(dx.Length, batch, inputs, nameof(dx), "batch x inputs");

        if (!accumulate)
        {
            dx.Slice(0, batch * inputs).Clear();
        }
        ref T dy0 = ref MemoryMarshal.GetReference(dy);
        ref T w0 = ref MemoryMarshal.GetReference(weight);
        ref T dx0 = ref MemoryMarshal.GetReference(dx);
        for (int b = 0; b < batch; b++)
        {
            ref T dxRow = ref Unsafe.Add(ref dx0, b * inputs);
            ref T dyRow = ref Unsafe.Add(ref dy0, b * outputs);
            int o = 0;
            for (; o + 4 <= outputs; o += 4)
            {
                Axpy4(ref dxRow, ref Unsafe.Add(ref w0, o * inputs), inputs,
                    Unsafe.Add(ref dyRow, o), Unsafe.Add(ref dyRow, o + 1), Unsafe.Add(ref dyRow, o + 2), Unsafe.Add(ref dyRow, o + 3));
            }
            for (; o < outputs; o++)
            {
                Axpy(ref dxRow, ref Unsafe.Add(ref w0, o * inputs), inputs, Unsafe.Add(ref dyRow, o));
            }
        }
    }
}
