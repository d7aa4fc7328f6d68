using System;

namespace SymGrad;

/// <summary>
/// Updates a network's flat parameter buffer from its flat gradient buffer. State (velocities,
/// moments) is allocated once, on the first step, for the buffer's length; later steps allocate nothing.
/// </summary>
public abstract partial class Optimizer
{
    private double _learningRate;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not positive and finite.</exception>
    protected Optimizer(double learningRate) => LearningRate = learningRate;

    /// <summary>The step size; may be changed between steps (schedules). Must be positive and finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException("learningRate", value, "Expected a positive, finite learning rate.");
            }
            _learningRate = value;
        }
    }

    /// <summary>Number of steps taken (restored by <see cref="Checkpoints.Checkpoint"/>).</summary>
    public long StepCount { get; protected internal set; }

    /// <summary>The per-element state buffers that a checkpoint saves and restores; null for a stateless optimizer.</summary>
    internal virtual OptimizerState? CheckpointState => null;

    /// <summary>One update of <paramref name="parameters"/> from <paramref name="gradients"/> (equal lengths).</summary>
    public abstract void Step(Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <inheritdoc cref="Step(Span{float}, ReadOnlySpan{float})"/>
    public abstract void Step(Span<double> parameters, ReadOnlySpan<double> gradients);
}
