namespace SymGrad.Checkpoints;

/// <summary>What a checkpoint file holds, read from its header (see <see cref="Checkpoint"/> for the format).</summary>
/// <param name="FormatVersion">The file format version it was written in.</param>
/// <param name="NetworkType">The full name of the network type it was written from.</param>
/// <param name="ParameterCount">The number of parameters.</param>
/// <param name="Precision">Float or double parameters.</param>
/// <param name="LayoutHash">XxHash64 of the network's layout (sizes and parameter views); equal layouts, equal hashes.</param>
/// <param name="Step">The training step count saved with it.</param>
/// <param name="OptimizerType">The full name of the optimizer type whose state it holds, or null for none.</param>
/// <param name="OptimizerStepCount">The optimizer's <see cref="Optimizer.StepCount"/> (0 without an optimizer).</param>
/// <param name="HasRandomState">Whether it holds a <see cref="SeededRandom"/> state.</param>
public sealed record CheckpointInfo(
    int FormatVersion,
    string NetworkType,
    int ParameterCount,
    Precision Precision,
    ulong LayoutHash,
    long Step,
    string? OptimizerType,
    long OptimizerStepCount,
    bool HasRandomState);
