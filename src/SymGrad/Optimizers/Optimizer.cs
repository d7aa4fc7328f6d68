using System;

namespace SymGrad;

/// <summary>
/// Updates a network's flat parameter buffer from its flat gradient buffer. State (velocities,
/// moments) is allocated once, on the first step, for the buffer's length; later steps allocate nothing.
/// </summary>
public abstract class Optimizer
{
    protected Optimizer(double learningRate)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "Expected a positive, finite learning rate.");
        }
        LearningRate = learningRate;
    }

    /// <summary>The step size; may be changed between steps (schedules).</summary>
    public double LearningRate { get; set; }

    /// <summary>Number of steps taken.</summary>
    public long StepCount { get; protected set; }

    /// <summary>One update of <paramref name="parameters"/> from <paramref name="gradients"/> (equal lengths).</summary>
    public abstract void Step(Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <inheritdoc cref="Step(Span{float}, ReadOnlySpan{float})"/>
    public abstract void Step(Span<double> parameters, ReadOnlySpan<double> gradients);
}
