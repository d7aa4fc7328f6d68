namespace SymGrad;

/// <summary>
/// The LSTM cell, as PyTorch's <c>LSTM</c> for one step, gates in PyTorch's order i, f, g, o:
/// <code>
/// i = sigmoid(W_ii x + b_ii + W_hi h + b_hi)
/// f = sigmoid(W_if x + b_if + W_hf h + b_hf)
/// g = tanh(W_ig x + b_ig + W_hg h + b_hg)
/// o = sigmoid(W_io x + b_io + W_ho h + b_ho)
/// c' = f * c + i * g
/// h' = o * tanh(c')
/// </code>
/// Step it in a constant-bound loop: <c>(h, c) = lstm.Step(x.Step(t, F), h, c);</c>.
/// Layout and initialization: <see cref="RecurrentCell"/> (four blocks of H rows, i, f, g, o).
/// </summary>
public sealed class Lstm : RecurrentCell
{
    /// <param name="inputs">Features per step.</param>
    /// <param name="hidden">Width of the hidden and cell states.</param>
    public Lstm(int inputs, int hidden)
        : base(inputs, hidden)
    {
    }

    /// <inheritdoc/>
    public override int Gates => 4;

    /// <summary>One step on the tape (the reference path); the generator expands the call into the same equations.</summary>
    public (Tensor H, Tensor C) Step(Tensor x, Tensor h, Tensor c)
    {
        var (input, hidden) = PreActivations(x, h);
        var gates = input + hidden;
        var i = Tensor.Sigmoid(Gate(gates, 0));
        var f = Tensor.Sigmoid(Gate(gates, 1));
        var g = Tensor.Tanh(Gate(gates, 2));
        var o = Tensor.Sigmoid(Gate(gates, 3));
        var next = f * c + i * g;
        return (o * Tensor.Tanh(next), next);
    }
}
