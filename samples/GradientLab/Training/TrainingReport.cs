using System.Collections.Generic;

namespace GradientLab.Training;

/// <summary>Everything a training run produced, as written by <c>train --json</c>.</summary>
public sealed record TrainingReport(
    string Network,
    string Optimizer,
    double LearningRate,
    int BatchSize,
    int Seed,
    int TrainingSamples,
    int TestSamples,
    IReadOnlyList<EpochResult> Epochs,
    double TotalSeconds);
