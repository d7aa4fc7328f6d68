using System;
using System.Collections.Generic;
using SymGrad.Reference;

namespace SymGrad;

/// <summary>
/// Layer normalization over the features of each sample, as PyTorch's <c>LayerNorm(features, eps)</c>:
/// y = gamma * (x - mean_row) / sqrt(var_row + eps) + beta, with the biased variance of the row.
/// It behaves the same in training and evaluation mode and keeps no running statistics.
/// gamma (<c>Weight</c>) starts at 1, beta (<c>Bias</c>) at 0.
/// </summary>
public sealed class LayerNorm : Layer
{
    private ParameterView[] _views = Array.Empty<ParameterView>();

    /// <param name="features">Number of features of each sample (the input and output width).</param>
    /// <param name="epsilon">Added to the variance before the square root (PyTorch's default 1e-5).</param>
    public LayerNorm(int features, double epsilon = 1e-5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Expected an epsilon > 0.");
        }
        Features = features;
        Epsilon = epsilon;
    }

    public int Features { get; }
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override int ParameterCount => 2 * Features;

    /// <summary>gamma, [1, features].</summary>
    public ParameterView Weight => _views.Length > 0 ? _views[0] : throw Unbound();

    /// <summary>beta, [1, features].</summary>
    public ParameterView Bias => _views.Length > 0 ? _views[1] : throw Unbound();

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterView> Views => _views;

    /// <inheritdoc/>
    protected override void OnBind() => _views = new[]
    {
        new ParameterView(Name + ".Weight", Offset, 1, Features),
        new ParameterView(Name + ".Bias", Offset + Features, 1, Features),
    };

    /// <inheritdoc/>
    public override void Initialize(Span<double> parameters, SeededRandom random)
    {
        parameters.Slice(Weight.Offset, Features).Fill(1.0);
        parameters.Slice(Bias.Offset, Features).Fill(0.0);
    }

    /// <summary>The reference path, on the tape.</summary>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var session = LayerChecks.Session(this, x, Features);
        return Tensor.LayerNorm(x, session.Parameter(Weight), session.Parameter(Bias), Epsilon);
    }

    private InvalidOperationException Unbound() =>
        new($"This LayerNorm({Features}) is not bound to a network buffer; the generated constructor binds it.");
}
