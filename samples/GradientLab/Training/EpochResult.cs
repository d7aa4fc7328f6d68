namespace GradientLab.Training;

/// <summary>One epoch's outcome.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="MeanTrainingLoss">The training loss averaged over every sample of the epoch (each step's loss weighted by its batch size).</param>
/// <param name="TestAccuracy">Fraction of test images classified correctly after the epoch, in [0, 1].</param>
/// <param name="Seconds">Wall time of the epoch: training steps plus the test evaluation.</param>
public readonly record struct EpochResult(int Epoch, double MeanTrainingLoss, double TestAccuracy, double Seconds);
