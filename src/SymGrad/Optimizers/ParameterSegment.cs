namespace SymGrad;

/// <summary>
/// A slice of a flat parameter buffer, <c>[Offset, Offset + Length)</c>, whose update
/// <see cref="Optimizer.StepAndMeasure(System.Span{float}, System.ReadOnlySpan{float}, System.ReadOnlySpan{ParameterSegment}, System.Span{double})"/>
/// measures, such as one layer's weight matrix.
/// </summary>
/// <param name="Offset">Index of the first value in the buffer (&gt;= 0).</param>
/// <param name="Length">Number of values (&gt;= 0).</param>
public readonly record struct ParameterSegment(int Offset, int Length);
