using System;

namespace SymGrad.Kernels;

/// <summary>
/// The fused losses, averaged over the batch, each returning the loss and (when <c>gradient</c> is
/// not empty) writing dLoss/dPrediction. The loss is summed in double for every precision.
/// One loss per file: <c>Losses.*.cs</c>.
/// </summary>
public static partial class Losses
{
    // shape: the expected shape as text, a constant of the caller ("batch x classes"): building it here would allocate on every call.
    private static void CheckSizes(int predictionLength, int targetLength, int gradientLength, int batch, int features, string predictionName, string featuresName, string shape)
    {
        KernelChecks.Dimension(batch, nameof(batch));
        KernelChecks.Dimension(features, featuresName);
        KernelChecks.AtLeast(predictionLength, batch, features, predictionName, shape);
        KernelChecks.AtLeast(targetLength, batch, features, "target", shape);
        if (gradientLength != 0)
        {
            KernelChecks.AtLeast(gradientLength, batch, features, "gradient", shape);
        }
    }
}
