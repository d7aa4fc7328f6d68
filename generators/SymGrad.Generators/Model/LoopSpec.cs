namespace SymGrad.Generators.Model;

/// <summary>
/// A constant-bound <c>for</c> loop kept rolled (a static tape): its body is in the graph once, as the
/// nodes [<paramref name="First"/>, <paramref name="End"/>), and runs <paramref name="TripCount"/> times.
/// Every body node has a value (and adjoint) buffer per step, so the backward loop reads step t's values.
/// A node outside the loop that reads a body node reads its value at the last step.
/// </summary>
/// <param name="First">The first body node: the state nodes come first, then the body's ops.</param>
/// <param name="End">One past the last body node.</param>
/// <param name="TripCount">Iterations (T).</param>
/// <param name="States">The loop-carried variables.</param>
/// <param name="Strides">The slices whose start moves with the counter (<c>x.Step(t, F)</c>).</param>
/// <param name="Line">1-based source line of the loop header.</param>
/// <param name="Header">The loop header's text, for comments.</param>
internal sealed record LoopSpec(int First, int End, int TripCount, EquatableArray<LoopState> States, EquatableArray<LoopStride> Strides, int Line, string Header)
{
    public bool Contains(int node) => node >= First && node < End;
}

/// <summary>
/// A loop-carried variable: body node <paramref name="Node"/> (a full-width Slice) holds its value at the start
/// of step t, which is <paramref name="Init"/> (a node before the loop) at t = 0 and body node
/// <paramref name="Next"/> of step t - 1 afterwards.
/// </summary>
internal sealed record LoopState(int Node, int Init, int Next);

/// <summary>A body Slice whose start column is <c>Constant + t * Stride</c> at step t.</summary>
internal sealed record LoopStride(int Node, int Stride);
