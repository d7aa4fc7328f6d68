using System.Numerics;

namespace SymGrad.Kernels;

/// <summary>
/// The three products of a dense layer with W stored [outputs, inputs] row-major (PyTorch's layout):
/// Y = X W^T + b (<see cref="Forward"/>), dW += dY^T X and db += column sums of dY
/// (<see cref="BackwardWeights"/>), dX (=|+=) dY W (<see cref="BackwardInput"/>).
/// Each has a <see cref="Vector{T}"/> body and a scalar tail, so every size is handled, and validates its
/// sizes once; spans may be longer than needed (workspaces sized for the maximum batch).
/// </summary>
public static partial class Dense
{
    private static void CheckDimensions(int batch, int inputs, int outputs)
    {
        KernelChecks.Dimension(batch, nameof(batch), allowZero: true);
        KernelChecks.Dimension(inputs, nameof(inputs));
        KernelChecks.Dimension(outputs, nameof(outputs));
    }

    /// <summary>Whether the SIMD body runs; otherwise the scalar loops do all the work.</summary>
    private static bool UseVectors<T>() where T : unmanaged => Vector.IsHardwareAccelerated && Vector<T>.IsSupported;
}
