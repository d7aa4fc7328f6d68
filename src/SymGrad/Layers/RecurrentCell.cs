using System;
using System.Collections.Generic;
using SymGrad.Reference;

namespace SymGrad;

/// <summary>
/// The common part of <see cref="Rnn"/>, <see cref="Lstm"/> and <see cref="Gru"/>: two dense maps,
/// input-to-hidden and hidden-to-hidden, each producing <see cref="Gates"/> x hidden pre-activations
/// in PyTorch's gate order. In the flat buffer: <c>InputHidden.Weight</c> [G*H, F],
/// <c>InputHidden.Bias</c> [G*H], <c>HiddenHidden.Weight</c> [G*H, H], <c>HiddenHidden.Bias</c> [G*H];
/// PyTorch's <c>weight_ih_l0</c>, <c>bias_ih_l0</c>, <c>weight_hh_l0</c>, <c>bias_hh_l0</c> in that order,
/// each with PyTorch's row layout. Every parameter starts uniform in [-1/sqrt(H), 1/sqrt(H)], as PyTorch.
/// </summary>
public abstract class RecurrentCell : Layer
{
    private ParameterView[] _views = Array.Empty<ParameterView>();

    /// <param name="inputs">Features per step (F).</param>
    /// <param name="hidden">Width of the hidden state (H).</param>
    protected RecurrentCell(int inputs, int hidden)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        Inputs = inputs;
        Hidden = hidden;
    }

    public int Inputs { get; }
    public int Hidden { get; }

    /// <summary>Number of gate blocks (1 for RNN, 4 for LSTM, 3 for GRU).</summary>
    public abstract int Gates { get; }

    /// <inheritdoc/>
    public override int ParameterCount => Gates * Hidden * (Inputs + Hidden + 2);

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterView> Views => _views;

    /// <inheritdoc/>
    protected override void OnBind()
    {
        int rows = Gates * Hidden;
        int ih = Offset, ihBias = ih + rows * Inputs, hh = ihBias + rows, hhBias = hh + rows * Hidden;
        _views = new[]
        {
            new ParameterView(Name + ".InputHidden.Weight", ih, rows, Inputs),
            new ParameterView(Name + ".InputHidden.Bias", ihBias, 1, rows),
            new ParameterView(Name + ".HiddenHidden.Weight", hh, rows, Hidden),
            new ParameterView(Name + ".HiddenHidden.Bias", hhBias, 1, rows),
        };
    }

    /// <inheritdoc/>
    public override void Initialize(Span<double> parameters, SeededRandom random)
    {
        double bound = 1.0 / Math.Sqrt(Hidden);
        var all = parameters.Slice(Offset, ParameterCount);
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = random.NextUniform(-bound, bound);
        }
    }

    /// <summary>The two pre-activation blocks on the tape: W_ih x + b_ih and W_hh h + b_hh, each [batch, G*H].</summary>
    protected (Tensor Input, Tensor Hidden) PreActivations(Tensor x, Tensor h)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(h);
        var session = LayerChecks.Session(this, x, Inputs);
        if (h.Columns != Hidden || h.Rows != x.Rows)
        {
            throw new ArgumentException($"Layer '{Name}' expects a [{x.Rows}, {Hidden}] hidden state, got {h.Shape}.", nameof(h));
        }
        if (_views.Length == 0)
        {
            throw new InvalidOperationException($"Layer '{Name}' is not bound to a network buffer; the generated constructor binds it.");
        }
        var input = Tensor.Linear(x, session.Parameter(_views[0]), session.Parameter(_views[1]));
        var hidden = Tensor.Linear(h, session.Parameter(_views[2]), session.Parameter(_views[3]));
        return (input, hidden);
    }

    /// <summary>Gate block <paramref name="k"/> (columns [k H, (k + 1) H)).</summary>
    protected Tensor Gate(Tensor preActivation, int k) => Tensor.SliceColumns(preActivation, k * Hidden, Hidden);
}
