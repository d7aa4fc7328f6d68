namespace SymGrad.Kernels;

/// <summary>
/// The three products of a dense layer with W stored [outputs, inputs] row-major (PyTorch's layout):
/// Y = X W^T + b (<see cref="Forward"/>), dW += dY^T X and db += column sums of dY
/// (<see cref="BackwardWeights{T}(System.ReadOnlySpan{T}, System.ReadOnlySpan{T}, System.Span{T}, System.Span{T}, int, int, int, bool)"/>), dX (=|+=) dY W (<see cref="BackwardInput"/>).
/// Each is register-blocked and written once over <see cref="ISimdLanes{TVector, T}"/>: it runs with
/// <c>Vector512</c> where the hardware has AVX-512, else <c>Vector256</c>, <c>Vector128</c> or scalar code,
/// with tails in narrower code so that every size is handled. Sizes are validated once; spans may be
/// longer than needed (workspaces sized for the maximum batch).
/// </summary>
public static partial class Dense
{
    private static void CheckDimensions(int batch, int inputs, int outputs)
    {
        KernelChecks.Dimension(batch, nameof(batch), allowZero: true);
        KernelChecks.Dimension(inputs, nameof(inputs));
        KernelChecks.Dimension(outputs, nameof(outputs));
    }
}
