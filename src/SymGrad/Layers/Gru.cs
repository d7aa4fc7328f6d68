namespace SymGrad;

/// <summary>
/// The GRU cell, as PyTorch's <c>GRU</c> for one step, gates in PyTorch's order r, z, n:
/// <code>
/// r = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
/// z = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
/// n = tanh(W_in x + b_in + r * (W_hn h + b_hn))
/// h' = (1 - z) * n + z * h   (computed as n + z * (h - n))
/// </code>
/// Step it in a constant-bound loop: <c>h = gru.Step(x.Step(t, F), h);</c>.
/// Layout and initialization: <see cref="RecurrentCell"/> (three blocks of H rows, r, z, n).
/// </summary>
public sealed class Gru : RecurrentCell
{
    /// <param name="inputs">Features per step.</param>
    /// <param name="hidden">Width of the hidden state.</param>
    public Gru(int inputs, int hidden)
        : base(inputs, hidden)
    {
    }

    /// <inheritdoc/>
    public override int Gates => 3;

    /// <summary>One step on the tape (the reference path); the generator expands the call into the same equations.</summary>
    public Tensor Step(Tensor x, Tensor h)
    {
        var (input, hidden) = PreActivations(x, h);
        var r = Tensor.Sigmoid(Gate(input, 0) + Gate(hidden, 0));
        var z = Tensor.Sigmoid(Gate(input, 1) + Gate(hidden, 1));
        var n = Tensor.Tanh(Gate(input, 2) + r * Gate(hidden, 2));
        return n + z * (h - n);
    }
}
