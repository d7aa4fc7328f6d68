using System;
using System.Collections.Generic;
using SymGrad.Reference;

namespace SymGrad;

/// <summary>
/// Batch normalization over the features of a [batch, features] input, as PyTorch's
/// <c>BatchNorm1d(features, eps, momentum)</c>: y = gamma * (x - mean) / sqrt(var + eps) + beta.
/// </summary>
/// <remarks>
/// <para>Training mode (<c>ComputeLoss</c>, <c>ComputeGradients</c>, <c>TrainStep</c> while the
/// network's <c>IsTraining</c> is true) normalizes with the batch's mean and biased variance and
/// then updates the running statistics: running = (1 - momentum) * running + momentum * batch
/// statistic, where the variance used for the update is the unbiased one (divided by B - 1), as
/// PyTorch does. It needs at least 2 samples. Evaluation mode (<c>Predict</c>, always, and the
/// other calls when <c>IsTraining</c> is false) normalizes with the running statistics.</para>
/// <para>gamma (<c>Weight</c>, initially 1) and beta (<c>Bias</c>, initially 0) are trainable and live
/// in the parameter buffer; the running mean (initially 0) and variance (initially 1) are not
/// trainable and live in the network's separate state buffer (<c>State</c>, <c>StateViews</c>).</para>
/// </remarks>
public sealed class BatchNorm : Layer
{
    private ParameterView[] _views = Array.Empty<ParameterView>();
    private ParameterView[] _stateViews = Array.Empty<ParameterView>();

    /// <param name="features">Number of features normalized (the input and output width).</param>
    /// <param name="momentum">Weight of the batch statistic in the running update (PyTorch's default 0.1).</param>
    /// <param name="epsilon">Added to the variance before the square root (PyTorch's default 1e-5).</param>
    public BatchNorm(int features, double momentum = 0.1, double epsilon = 1e-5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (!(momentum >= 0 && momentum <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Expected a momentum in [0, 1].");
        }
        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Expected an epsilon > 0.");
        }
        Features = features;
        Momentum = momentum;
        Epsilon = epsilon;
    }

    public int Features { get; }
    public double Momentum { get; }
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override int ParameterCount => 2 * Features;

    /// <summary>Number of state values (running mean and running variance).</summary>
    public int StateCount => 2 * Features;

    /// <summary>gamma, [1, features].</summary>
    public ParameterView Weight => _views.Length > 0 ? _views[0] : throw Unbound();

    /// <summary>beta, [1, features].</summary>
    public ParameterView Bias => _views.Length > 0 ? _views[1] : throw Unbound();

    /// <summary>The running mean in the state buffer, [1, features].</summary>
    public ParameterView RunningMean => _stateViews.Length > 0 ? _stateViews[0] : throw Unbound();

    /// <summary>The running variance in the state buffer, [1, features].</summary>
    public ParameterView RunningVariance => _stateViews.Length > 0 ? _stateViews[1] : throw Unbound();

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterView> Views => _views;

    /// <summary>The views into the state buffer (valid after <see cref="BindState"/>).</summary>
    public IReadOnlyList<ParameterView> StateViews => _stateViews;

    /// <inheritdoc/>
    protected override void OnBind() => _views = new[]
    {
        new ParameterView(Name + ".Weight", Offset, 1, Features),
        new ParameterView(Name + ".Bias", Offset + Features, 1, Features),
    };

    /// <summary>Places the running statistics at <paramref name="stateOffset"/> in the network's state buffer (after <see cref="Layer.Bind"/>).</summary>
    public void BindState(int stateOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stateOffset);
        _stateViews = new[]
        {
            new ParameterView(Name + ".RunningMean", stateOffset, 1, Features),
            new ParameterView(Name + ".RunningVariance", stateOffset + Features, 1, Features),
        };
    }

    /// <inheritdoc/>
    public override void Initialize(Span<double> parameters, SeededRandom random)
    {
        parameters.Slice(Weight.Offset, Features).Fill(1.0);
        parameters.Slice(Bias.Offset, Features).Fill(0.0);
    }

    /// <summary>Writes the initial running statistics (mean 0, variance 1) into the whole state buffer.</summary>
    public void InitializeState(Span<double> state)
    {
        state.Slice(RunningMean.Offset, Features).Fill(0.0);
        state.Slice(RunningVariance.Offset, Features).Fill(1.0);
    }

    /// <summary>The reference path: batch statistics in training mode, the session's running statistics in evaluation mode.</summary>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var session = LayerChecks.Session(this, x, Features);
        var gamma = session.Parameter(Weight);
        var beta = session.Parameter(Bias);
        return session.Training
            ? Tensor.BatchNorm(x, gamma, beta, Epsilon)
            : Tensor.Normalize(x, gamma, beta, session.StateValues(RunningMean), session.StateValues(RunningVariance), Epsilon);
    }

    private InvalidOperationException Unbound() =>
        new($"This BatchNorm({Features}) is not bound to a network buffer; the generated constructor binds it.");
}
