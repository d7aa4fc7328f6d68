using System;
using System.Collections.Generic;

namespace SymGrad;

/// <summary>
/// What a generated network with batch norm or dropout adds to <see cref="INetwork{T}"/>: a training
/// mode switch (as PyTorch's <c>train()</c>/<c>eval()</c>), the non-trainable state (batch norm's
/// running statistics) and the dropout step counter.
/// </summary>
public interface IStatefulNetwork<T> : INetwork<T> where T : unmanaged
{
    /// <summary>
    /// True (the default) for training mode: ComputeLoss, ComputeGradients and TrainStep normalize with
    /// batch statistics, update the running statistics and apply dropout. False for evaluation mode.
    /// <c>Predict</c> always runs in evaluation mode.
    /// </summary>
    bool IsTraining { get; set; }

    /// <summary>The non-trainable state (running means and variances), laid out by <see cref="StateViews"/>; optimizers never see it.</summary>
    Span<T> State { get; }

    /// <summary>Named views into <see cref="State"/> (<c>bn.RunningMean</c>, <c>bn.RunningVariance</c>).</summary>
    IReadOnlyList<ParameterView> StateViews { get; }

    /// <summary>The dropout mask counter: TrainStep advances it by one; set it to replay a step's mask.</summary>
    long DropoutStep { get; set; }

    /// <summary>
    /// The seed of the dropout masks (the constructor's seed): a mask is a hash of (seed, step, layer,
    /// element), so seed and step together reproduce every mask; checkpoints save both.
    /// </summary>
    ulong DropoutSeed { get; set; }
}
