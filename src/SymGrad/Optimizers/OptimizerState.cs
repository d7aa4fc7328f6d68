using System;

namespace SymGrad;

/// <summary>
/// The per-element state buffers of an optimizer (velocities, moments): allocated on the first step
/// for that step's buffer length and element type, then only validated, so later steps allocate nothing.
/// </summary>
internal sealed class OptimizerState
{
    private readonly int _bufferCount;
    private Array[]? _buffers;

    public OptimizerState(int bufferCount) => _bufferCount = bufferCount;

    /// <summary>The length every buffer was allocated for, or 0 before the first step.</summary>
    public int Length => _buffers is null ? 0 : _buffers[0].Length;

    /// <summary>Allocates the buffers on the first call; afterwards checks that the length and precision did not change.</summary>
    public void Prepare<T>(int length) where T : unmanaged
    {
        if (_buffers is null)
        {
            var buffers = new Array[_bufferCount];
            for (int i = 0; i < buffers.Length; i++)
            {
                buffers[i] = new T[length];
            }
            _buffers = buffers;
            return;
        }
        if (_buffers[0] is not T[] first)
        {
            throw new ArgumentException(
                $"This optimizer's state holds {_buffers[0].GetType().GetElementType()!.Name} values from its first step; " +
                $"it cannot update {typeof(T).Name} parameters. Use one optimizer per network.", "parameters");
        }
        if (first.Length != length)
        {
            throw new ArgumentException(
                $"Expected parameters of length {first.Length} (the length this optimizer's state was allocated for on its first step), got {length}.",
                "parameters");
        }
    }

    /// <summary>Number of buffers (1 for a velocity, 2 for Adam's moments).</summary>
    public int BufferCount => _bufferCount;

    /// <summary>The element type of the buffers, or null before the first step.</summary>
    public Type? ElementType => _buffers?[0].GetType().GetElementType();

    /// <summary>
    /// Replaces the state with copies of <paramref name="buffers"/> (one per buffer, equal lengths), or
    /// with the state before the first step when <paramref name="buffers"/> is empty. Used by checkpoints,
    /// which validate the counts and lengths before they call this.
    /// </summary>
    public void Restore<T>(T[][] buffers) where T : unmanaged
    {
        if (buffers.Length == 0)
        {
            _buffers = null;
            return;
        }
        if (buffers.Length != _bufferCount)
        {
            throw new ArgumentException($"Expected {_bufferCount} state buffers, got {buffers.Length}.", nameof(buffers));
        }
        var copies = new Array[_bufferCount];
        for (int i = 0; i < copies.Length; i++)
        {
            copies[i] = (T[])buffers[i].Clone();
        }
        _buffers = copies;
    }

    /// <summary>The writable buffer <paramref name="index"/>; only after <see cref="Prepare{T}"/>.</summary>
    public Span<T> Buffer<T>(int index) where T : unmanaged => (T[])_buffers![index];

    /// <summary>A read-only view of buffer <paramref name="index"/>, empty before the first step or for another precision.</summary>
    public ReadOnlySpan<T> View<T>(int index) where T : unmanaged =>
        _buffers is { } buffers && buffers[index] is T[] array ? array : ReadOnlySpan<T>.Empty;
}
