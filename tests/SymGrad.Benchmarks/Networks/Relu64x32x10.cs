using SymGrad;

namespace SymGrad.Benchmarks.Networks;

/// <summary>64-32-10 ReLU classifier (B = 32).</summary>
[Network(MaxBatchSize = 32)]
public partial class Relu64x32x10
{
    readonly Linear fc1 = new(64, 32, Init.HeNormal);
    readonly Linear fc2 = new(32, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => fc2.Forward(Relu(fc1.Forward(x)));

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
