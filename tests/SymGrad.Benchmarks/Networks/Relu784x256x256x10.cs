using SymGrad;

namespace SymGrad.Benchmarks.Networks;

/// <summary>784-256-256-10 ReLU classifier (B = 128).</summary>
[Network(MaxBatchSize = 128)]
public partial class Relu784x256x256x10
{
    readonly Linear fc1 = new(784, 256, Init.HeNormal);
    readonly Linear fc2 = new(256, 256, Init.HeNormal);
    readonly Linear fc3 = new(256, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h1 = Relu(fc1.Forward(x));
        var h2 = Relu(fc2.Forward(h1));
        return fc3.Forward(h2);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
