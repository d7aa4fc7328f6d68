using System;

namespace SymGrad;

/// <summary>
/// The reference path's tensor: a [rows, columns] matrix of doubles (rows are samples) that records
/// the ops applied to it on a tape, so that <c>Backward</c> computes exact gradients by
/// reverse-mode automatic differentiation. Obviously correct rather than fast; it allocates.
/// </summary>
public sealed partial class Tensor
{
    // Implemented in Reference/Tensor*.cs.
}
