using System;
using System.Numerics;

namespace SymGrad.Kernels;

/// <summary>
/// Batch and layer normalization. Both normalize groups of values (a column of the batch for batch
/// norm, a row for layer norm) to xhat = (x - mean) * s, s = 1 / sqrt(var + eps), and output
/// y = gamma * xhat + beta. The forward passes keep xhat and s for the backward passes.
/// </summary>
public static partial class Normalization
{
    private static void CheckAffine(int gamma, int beta, int features)
    {
        KernelChecks.AtLeast(gamma, 1, features, "gamma", "features");
        KernelChecks.AtLeast(beta, 1, features, "beta", "features");
    }

    private static void CheckMatrix(int x, int y, int xhat, int batch, int features)
    {
        KernelChecks.AtLeast(x, batch, features, "x", "batch x features");
        KernelChecks.AtLeast(y, batch, features, "y", "batch x features");
        KernelChecks.AtLeast(xhat, batch, features, "xhat", "batch x features");
    }
}
