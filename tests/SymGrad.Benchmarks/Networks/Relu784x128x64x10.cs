using SymGrad;

namespace SymGrad.Benchmarks.Networks;

/// <summary>784-128-64-10 ReLU classifier (B = 64), the MNIST MLP.</summary>
[Network(MaxBatchSize = 64)]
public partial class Relu784x128x64x10
{
    readonly Linear fc1 = new(784, 128, Init.HeNormal);
    readonly Linear fc2 = new(128, 64, Init.HeNormal);
    readonly Linear fc3 = new(64, 10, Init.XavierUniform);

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
