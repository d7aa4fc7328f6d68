using System;
using SymGrad.Reference;

namespace SymGrad;

// Ops for recurrent networks written in [Forward].
public abstract partial class NetworkDefinition
{
    /// <summary>A [batch, <paramref name="features"/>] tensor of zeros: the initial state of a recurrent loop.</summary>
    /// <exception cref="InvalidOperationException">Called outside the reference path.</exception>
    protected static Tensor Zeros(int features)
    {
        var session = ReferenceSession.Current
            ?? throw new InvalidOperationException("Zeros runs on the tape only inside ComputeReferenceGradients.");
        return Tensor.Zeros(session.BatchSize, features);
    }
}
