using System;
using System.Collections.Generic;
using SymGrad.Reference;

namespace SymGrad;

/// <summary>
/// A dense layer: Y = X W^T + b, with W stored [outputs, inputs] row-major (PyTorch's layout)
/// followed by b [outputs] in the flat buffer.
/// </summary>
public sealed class Linear : Layer
{
    private ParameterView[] _views = Array.Empty<ParameterView>();

    /// <param name="inputs">Input width (fan_in).</param>
    /// <param name="outputs">Output width (fan_out).</param>
    /// <param name="init">Weight initialization.</param>
    /// <param name="bias">Initial value of every bias (0 by default).</param>
    public Linear(int inputs, int outputs, Init init = Init.XavierUniform, float bias = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Inputs = inputs;
        Outputs = outputs;
        Init = init;
        BiasInit = bias;
    }

    public int Inputs { get; }
    public int Outputs { get; }
    public Init Init { get; }
    public float BiasInit { get; }

    /// <inheritdoc/>
    public override int ParameterCount => Outputs * Inputs + Outputs;

    /// <summary>The weight view, [outputs, inputs].</summary>
    public ParameterView Weight => _views.Length > 0 ? _views[0] : throw Unbound();

    /// <summary>The bias view, [1, outputs].</summary>
    public ParameterView Bias => _views.Length > 0 ? _views[1] : throw Unbound();

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterView> Views => _views;

    /// <inheritdoc/>
    protected override void OnBind() => _views = new[]
    {
        new ParameterView(Name + ".Weight", Offset, Outputs, Inputs),
        new ParameterView(Name + ".Bias", Offset + Outputs * Inputs, 1, Outputs),
    };

    /// <inheritdoc/>
    public override void Initialize(Span<double> parameters, SeededRandom random)
    {
        Initializers.Fill(Init, parameters.Slice(Weight.Offset, Weight.Length), Inputs, Outputs, random);
        parameters.Slice(Bias.Offset, Bias.Length).Fill(BiasInit);
    }

    /// <summary>
    /// The reference path: X W^T + b on the tape, with W and b read from the active
    /// <see cref="ReferenceSession"/>. In generated code this call is replaced by unrolled code.
    /// </summary>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var session = ReferenceSession.Current
            ?? throw new InvalidOperationException($"Layer '{Name}' runs on the tape only inside ComputeReferenceGradients.");
        if (x.Columns != Inputs)
        {
            throw new ArgumentException($"Layer '{Name}' expects {Inputs} input features, got a [{x.Rows}, {x.Columns}] tensor.", nameof(x));
        }
        var weight = session.Parameter(Weight);
        var bias = session.Parameter(Bias);
        return Tensor.Linear(x, weight, bias);
    }

    private InvalidOperationException Unbound() =>
        new($"This Linear({Inputs}, {Outputs}) is not bound to a network buffer; the generated constructor binds it.");
}
