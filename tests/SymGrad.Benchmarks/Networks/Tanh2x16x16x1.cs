using SymGrad;

namespace SymGrad.Benchmarks.Networks;

/// <summary>2-16-16-1 tanh regression (B = 32): every layer is small enough to be unrolled to scalar statements.</summary>
[Network(MaxBatchSize = 32)]
public partial class Tanh2x16x16x1
{
    readonly Linear fc1 = new(2, 16, Init.XavierUniform);
    readonly Linear fc2 = new(16, 16, Init.XavierUniform);
    readonly Linear fc3 = new(16, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h1 = Tanh(fc1.Forward(x));
        var h2 = Tanh(fc2.Forward(h1));
        return fc3.Forward(h2);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
