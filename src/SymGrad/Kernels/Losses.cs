using System;

namespace SymGrad.Kernels;

/// <summary>
/// The fused losses, averaged over the batch, each returning the loss and (when <c>gradient</c> is
/// not empty) writing dLoss/dPrediction. The loss is summed in double for every precision.
/// One loss per file: <c>Losses.*.cs</c>.
/// </summary>
public static partial class Losses
{
    private static void CheckSizes(int predictionLength, int targetLength, int gradientLength, int batch, int features, string predictionName, string featuresName)
    {
        KernelChecks.Dimension(batch, nameof(batch));
        KernelChecks.Dimension(features, featuresName);
        KernelChecks.AtLeast(predictionLength, batch, features, predictionName, "batch x " + featuresName);
        KernelChecks.AtLeast(targetLength, batch, features, "target", "batch x " + featuresName);
        if (gradientLength != 0)
        {
            KernelChecks.AtLeast(gradientLength, batch, features, "gradient", "batch x " + featuresName);
        }
    }
}
