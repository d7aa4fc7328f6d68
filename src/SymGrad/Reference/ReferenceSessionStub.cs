using System;

namespace SymGrad.Reference;

// TEMPORARY: signatures; replaced by the real implementation.
public sealed partial class ReferenceSession
{
    public static ReferenceSession Begin(ReadOnlySpan<double> parameters) => throw new NotImplementedException();
    public Tensor Parameter(ParameterView view) => throw new NotImplementedException();
    public Tensor Input(ReadOnlySpan<float> values, int rows, int columns) => throw new NotImplementedException();
    public Tensor Input(ReadOnlySpan<double> values, int rows, int columns) => throw new NotImplementedException();
    public ReferenceResult Complete(Tensor loss, Tensor output) => throw new NotImplementedException();
    public void Dispose() => t_current = null;
}
