using System;
using System.Collections.Generic;

namespace SymGrad.Reference;

/// <summary>The reference path's result: the loss, the flat gradient (laid out as the network's parameters) and the outputs.</summary>
public sealed record ReferenceResult(double Loss, double[] Gradients, double[] Outputs);

/// <summary>
/// One run of the reference path. Generated <c>ComputeReferenceGradients</c> begins a session over a
/// double copy of the parameters, runs the user's <c>[Forward]</c> and <c>[Loss]</c> on the tape, and
/// completes it; layers find their parameters through <see cref="Current"/>.
/// </summary>
/// <example>
/// <code>
/// using var session = ReferenceSession.Begin(parameters);
/// var x = session.Input(inputs, batch, InputSize);
/// var output = Forward(x);
/// var loss = Loss(output, session.Input(targets, batch, OutputSize));
/// return session.Complete(loss, output);
/// </code>
/// </example>
public sealed partial class ReferenceSession : IDisposable
{
    [ThreadStatic]
    private static ReferenceSession? t_current;

    private readonly double[] _parameters;

    // One leaf per view, so that a layer called twice accumulates both contributions into one gradient.
    private readonly Dictionary<ParameterView, Tensor> _leaves = new();

    private ReferenceSession(double[] parameters) => _parameters = parameters;

    /// <summary>The session active on this thread, or null.</summary>
    public static ReferenceSession? Current => t_current;

    /// <summary>
    /// Starts a session over a copy of <paramref name="parameters"/> (the network's flat buffer) and
    /// makes it <see cref="Current"/> on this thread until <see cref="Dispose"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A session is already active on this thread.</exception>
    public static ReferenceSession Begin(ReadOnlySpan<double> parameters)
    {
        if (t_current is not null)
        {
            throw new InvalidOperationException("A reference session is already active on this thread; dispose it before beginning another.");
        }
        var session = new ReferenceSession(parameters.ToArray());
        t_current = session;
        return session;
    }

    /// <summary>
    /// The trainable leaf for <paramref name="view"/>, holding its slice of the parameters; the same
    /// tensor for the same view on every call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The view lies outside the parameter buffer.</exception>
    public Tensor Parameter(ParameterView view)
    {
        if (_leaves.TryGetValue(view, out var leaf))
        {
            return leaf;
        }
        if (view.Offset < 0 || view.Rows <= 0 || view.Columns <= 0 || (long)view.Offset + view.Length > _parameters.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(view),
                $"The view '{view.Name}' [{view.Rows}, {view.Columns}] at offset {view.Offset} lies outside the {_parameters.Length} parameters.");
        }
        leaf = Tensor.Trainable(_parameters.AsSpan(view.Offset, view.Length), view.Rows, view.Columns);
        _leaves.Add(view, leaf);
        return leaf;
    }

    /// <summary>A constant [<paramref name="rows"/>, <paramref name="columns"/>] tensor of <paramref name="values"/> widened to double.</summary>
    /// <exception cref="ArgumentException">The length is not rows x columns.</exception>
    public Tensor Input(ReadOnlySpan<float> values, int rows, int columns) => Batch(Tensor.Constant(values, rows, columns));

    /// <summary>A constant [<paramref name="rows"/>, <paramref name="columns"/>] tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The length is not rows x columns.</exception>
    public Tensor Input(ReadOnlySpan<double> values, int rows, int columns) => Batch(Tensor.Constant(values, rows, columns));

    /// <summary>
    /// Runs the backward pass from <paramref name="loss"/> and gathers the result: the loss value,
    /// the gradient laid out as the parameter buffer (zero where no parameter was used) and a copy
    /// of <paramref name="output"/>'s values.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="loss"/> is not [1, 1].</exception>
    public ReferenceResult Complete(Tensor loss, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(output);
        if (loss.Rows != 1 || loss.Columns != 1)
        {
            throw new InvalidOperationException($"The loss must be a [1, 1] tensor; got {loss.Shape}.");
        }
        // A loss that no parameter reaches has a zero gradient, not an error.
        if (loss.RequiresGradient)
        {
            loss.Backward();
        }

        var gradients = new double[_parameters.Length];
        foreach (var (view, leaf) in _leaves)
        {
            for (int i = 0; i < view.Length; i++)
            {
                gradients[view.Offset + i] += leaf.Gradient![i];
            }
        }
        return new ReferenceResult(loss.Value, gradients, (double[])output.Data.Clone());
    }

    /// <summary>Ends the session: <see cref="Current"/> becomes null on this thread.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(t_current, this))
        {
            t_current = null;
        }
    }
}
