using System;

namespace SymGrad.Reference;

/// <summary>The reference path's result: the loss, the flat gradient (laid out as the network's parameters) and the outputs.</summary>
public sealed record ReferenceResult(double Loss, double[] Gradients, double[] Outputs);

/// <summary>
/// One run of the reference path. Generated <c>ComputeReferenceGradients</c> begins a session over a
/// double copy of the parameters, runs the user's <c>[Forward]</c> and <c>[Loss]</c> on the tape, and
/// completes it; layers find their parameters through <see cref="Current"/>.
/// </summary>
public sealed partial class ReferenceSession : IDisposable
{
    [ThreadStatic]
    private static ReferenceSession? t_current;

    /// <summary>The session active on this thread, or null.</summary>
    public static ReferenceSession? Current => t_current;
}
