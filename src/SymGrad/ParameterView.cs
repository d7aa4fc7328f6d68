namespace SymGrad;

/// <summary>
/// A named slice of a network's flat parameter (and gradient) buffer, such as <c>fc1.Weight</c>:
/// <see cref="Length"/> = <see cref="Rows"/> x <see cref="Columns"/> values from <see cref="Offset"/>, row-major.
/// A weight matrix is stored as PyTorch stores it: [out, in].
/// </summary>
public readonly record struct ParameterView(string Name, int Offset, int Rows, int Columns)
{
    /// <summary>Number of values in the view.</summary>
    public int Length => Rows * Columns;
}
