using System;
using SymGrad.Reference;

namespace SymGrad;

/// <summary>The checks every layer's reference-path <c>Forward</c> makes.</summary>
internal static class LayerChecks
{
    /// <summary>The active session, after checking that <paramref name="x"/> has <paramref name="features"/> columns.</summary>
    public static ReferenceSession Session(Layer layer, Tensor x, int features)
    {
        var session = ReferenceSession.Current
            ?? throw new InvalidOperationException($"Layer '{layer.Name}' runs on the tape only inside ComputeReferenceGradients.");
        if (x.Columns != features)
        {
            throw new ArgumentException($"Layer '{layer.Name}' expects {features} input features, got a [{x.Rows}, {x.Columns}] tensor.", nameof(x));
        }
        return session;
    }
}
