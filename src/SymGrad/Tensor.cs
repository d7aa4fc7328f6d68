namespace SymGrad;

/// <summary>
/// The reference path's tensor: a [rows, columns] matrix of doubles (rows are samples) that records
/// the ops applied to it on a tape, so that <c>Backward</c> computes exact gradients by
/// reverse-mode automatic differentiation. Obviously correct rather than fast; it allocates.
/// </summary>
/// <remarks>
/// Implemented in Reference/Tensor.*.cs: storage, factories and the tape (Core), element-wise ops
/// and operators (Elementwise), the dense layer (Linear), row-wise softmax (Softmax) and the fused
/// losses (Losses). Every op is written out in plain double arithmetic, independent of the op
/// catalog and of the SIMD kernels, so that it can serve as the yardstick for generated code.
/// </remarks>
public sealed partial class Tensor
{
}
