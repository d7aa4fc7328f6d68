using System;
using System.Numerics;

namespace SymGrad;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter 2019), as <c>torch.optim.AdamW</c>, with t
/// the step number from 1: first <c>p = p - learningRate * weightDecay * p</c> (decay outside the
/// adaptive scaling), then the Adam step on the raw gradient:
/// <c>m = beta1 m + (1 - beta1) g</c>; <c>v = beta2 v + (1 - beta2) g^2</c>;
/// <c>p = p - (learningRate / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)</c>.
/// </summary>
public sealed class AdamW : Optimizer
{
    private const int FirstMomentBuffer = 0;
    private const int SecondMomentBuffer = 1;
    private readonly OptimizerState _state = new(2);

    /// <param name="learningRate">Step size (&gt; 0).</param>
    /// <param name="beta1">Decay of the first-moment average, in [0, 1).</param>
    /// <param name="beta2">Decay of the second-moment average, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator (&gt; 0).</param>
    /// <param name="weightDecay">Decoupled decay rate (&gt;= 0): each step shrinks p by <c>learningRate * weightDecay * p</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public AdamW(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01)
        : base(learningRate)
    {
        OptimizerChecks.DecayRate(beta1, nameof(beta1));
        OptimizerChecks.DecayRate(beta2, nameof(beta2));
        OptimizerChecks.PositiveFinite(epsilon, nameof(epsilon));
        OptimizerChecks.NonNegativeFinite(weightDecay, nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }

    /// <summary>The decoupled decay rate: each step first sets <c>p = p (1 - learningRate * weightDecay)</c>.</summary>
    public double WeightDecay { get; }

    /// <summary>The first moment m (PyTorch's <c>exp_avg</c>); empty before the first step or for the other precision.</summary>
    public ReadOnlySpan<T> GetFirstMoment<T>() where T : unmanaged => _state.View<T>(FirstMomentBuffer);

    /// <summary>The second moment v (PyTorch's <c>exp_avg_sq</c>); empty before the first step or for the other precision.</summary>
    public ReadOnlySpan<T> GetSecondMoment<T>() where T : unmanaged => _state.View<T>(SecondMomentBuffer);

    internal override OptimizerState CheckpointState => _state;

    /// <inheritdoc/>
    public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => StepCore(parameters, gradients);

    /// <inheritdoc/>
    public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => StepCore(parameters, gradients);

    private void StepCore<T>(Span<T> parameters, ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(parameters.Length, gradients.Length);
        _state.Prepare<T>(parameters.Length);
        var settings = new AdamUpdate.Settings(LearningRate, Beta1, Beta2, Epsilon, L2Decay: 0, DecoupledDecay: WeightDecay);
        AdamUpdate.Apply(parameters, gradients, _state.Buffer<T>(FirstMomentBuffer), _state.Buffer<T>(SecondMomentBuffer), settings, StepCount + 1);
        StepCount++;
    }
}
