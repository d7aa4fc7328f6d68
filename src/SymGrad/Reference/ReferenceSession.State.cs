using System;

namespace SymGrad.Reference;

// The mode and the non-trainable state a session runs with (batch norm's running statistics,
// dropout's mask counter). The reference path reads the state and never updates it.
public sealed partial class ReferenceSession
{
    private double[] _state = Array.Empty<double>();

    /// <summary>Training mode (batch statistics, dropout active) or evaluation mode; true unless <see cref="Configure"/> says otherwise.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>The network's seed, which with <see cref="DropoutStep"/> determines every dropout mask.</summary>
    public ulong DropoutSeed { get; private set; }

    /// <summary>The network's dropout step counter.</summary>
    public long DropoutStep { get; private set; }

    /// <summary>The number of rows of the last <see cref="Input(ReadOnlySpan{double}, int, int)"/> (the batch), which <c>Zeros(n)</c> uses.</summary>
    public int BatchSize { get; private set; }

    private Tensor Batch(Tensor input)
    {
        BatchSize = input.Rows;
        return input;
    }

    /// <summary>Sets the mode and a copy of the network's state buffer for this session.</summary>
    public void Configure(ReadOnlySpan<double> state, bool training, ulong dropoutSeed, long dropoutStep)
    {
        _state = state.ToArray();
        Training = training;
        DropoutSeed = dropoutSeed;
        DropoutStep = dropoutStep;
    }

    /// <summary>The values of <paramref name="view"/> in the state buffer given to <see cref="Configure"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The view lies outside the state buffer.</exception>
    public double[] StateValues(ParameterView view)
    {
        if (view.Offset < 0 || (long)view.Offset + view.Length > _state.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(view),
                $"The state view '{view.Name}' [{view.Rows}, {view.Columns}] at offset {view.Offset} lies outside the {_state.Length} state values.");
        }
        return _state.AsSpan(view.Offset, view.Length).ToArray();
    }
}
