using System;

namespace SymGrad;

/// <summary>Validation of the segments passed to <see cref="Optimizer.StepAndMeasure(Span{float}, ReadOnlySpan{float}, ReadOnlySpan{ParameterSegment}, Span{double})"/>.</summary>
internal static class ParameterSegments
{
    /// <summary>Checks that the segments lie in the buffer, in increasing order, without overlap, one result each; returns their total length.</summary>
    public static int Validate(int bufferLength, ReadOnlySpan<ParameterSegment> segments, int updatesLength)
    {
        if (updatesLength != segments.Length)
        {
            throw new ArgumentException($"Expected one result per segment ({segments.Length}), but updateSquares has {updatesLength}.", "updateSquares");
        }
        int end = 0;
        int total = 0;
        for (int s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            if (segment.Offset < end || segment.Length < 0 || segment.Offset > bufferLength - segment.Length)
            {
                throw new ArgumentException(
                    $"segments[{s}] = [{segment.Offset}, {segment.Offset}+{segment.Length}) must lie in the {bufferLength} parameters, after the previous segment's end {end}.",
                    "segments");
            }
            end = segment.Offset + segment.Length;
            total += segment.Length;
        }
        return total;
    }
}
