namespace SymGrad;

/// <summary>
/// The Elman RNN cell with tanh, as PyTorch's <c>RNN(nonlinearity='tanh')</c> for one step:
/// h' = tanh(W_ih x + b_ih + W_hh h + b_hh). Step it in a constant-bound loop:
/// <c>h = rnn.Step(x.Step(t, F), h);</c>. Layout and initialization: <see cref="RecurrentCell"/>.
/// </summary>
public sealed class Rnn : RecurrentCell
{
    /// <param name="inputs">Features per step.</param>
    /// <param name="hidden">Width of the hidden state.</param>
    public Rnn(int inputs, int hidden)
        : base(inputs, hidden)
    {
    }

    /// <inheritdoc/>
    public override int Gates => 1;

    /// <summary>One step on the tape (the reference path); the generator expands the call into the same equations.</summary>
    public Tensor Step(Tensor x, Tensor h)
    {
        var (input, hidden) = PreActivations(x, h);
        return Tensor.Tanh(input + hidden);
    }
}
