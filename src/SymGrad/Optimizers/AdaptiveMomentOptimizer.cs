using System;
using System.Numerics;

namespace SymGrad;

/// <summary>
/// What <see cref="Adam"/> and <see cref="AdamW"/> share: the two moment buffers, their settings and the
/// bias-corrected update. They differ only in where the weight decay enters (see <see cref="DecayTerms"/>).
/// </summary>
public abstract class AdaptiveMomentOptimizer : Optimizer
{
    private const int FirstMomentBuffer = 0;
    private const int SecondMomentBuffer = 1;
    private readonly OptimizerState _state = new(2);

    private protected AdaptiveMomentOptimizer(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
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

    /// <summary>Decay of the first-moment average.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second-moment average.</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>The weight decay coefficient; how it applies depends on the optimizer.</summary>
    public double WeightDecay { get; }

    /// <summary>The first moment m (PyTorch's <c>exp_avg</c>); empty before the first step or for the other precision.</summary>
    public ReadOnlySpan<T> GetFirstMoment<T>() where T : unmanaged => _state.View<T>(FirstMomentBuffer);

    /// <summary>The second moment v (PyTorch's <c>exp_avg_sq</c>); empty before the first step or for the other precision.</summary>
    public ReadOnlySpan<T> GetSecondMoment<T>() where T : unmanaged => _state.View<T>(SecondMomentBuffer);

    internal override OptimizerState CheckpointState => _state;

    /// <summary>The L2 penalty added to the gradient (Adam) and the decoupled decay rate (AdamW).</summary>
    private protected abstract (double L2Decay, double DecoupledDecay) DecayTerms { get; }

    /// <inheritdoc/>
    public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => StepCore(parameters, gradients, default, default);

    /// <inheritdoc/>
    public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => StepCore(parameters, gradients, default, default);

    /// <inheritdoc/>
    public override void StepAndMeasure(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares) =>
        StepCore(parameters, gradients, segments, updateSquares);

    /// <inheritdoc/>
    public override void StepAndMeasure(Span<double> parameters, ReadOnlySpan<double> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares) =>
        StepCore(parameters, gradients, segments, updateSquares);

    private void StepCore<T>(Span<T> parameters, ReadOnlySpan<T> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(parameters.Length, gradients.Length);
        _state.Prepare<T>(parameters.Length);
        var (l2Decay, decoupledDecay) = DecayTerms;
        var settings = new AdamUpdate.Settings(LearningRate, Beta1, Beta2, Epsilon, L2Decay: l2Decay, DecoupledDecay: decoupledDecay);
        var update = new AdamUpdate.Range<T>(parameters, gradients, _state.Buffer<T>(FirstMomentBuffer), _state.Buffer<T>(SecondMomentBuffer), settings, StepCount + 1);
        MeasuredUpdate.Run<T, AdamUpdate.Range<T>>(update, parameters.Length, segments, updateSquares);
        StepCount++;
    }
}
