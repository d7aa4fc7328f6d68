using SymGrad;

namespace SymGrad.IntegrationTests.Networks;

/// <summary>
/// A copy of samples/GradientLab/Networks/MnistMlp.cs (784-128-64-10, ReLU, He init, softmax
/// cross-entropy, float, MaxBatchSize 64), so the allocation test holds the design's headline shape
/// without depending on the sample project.
/// </summary>
[Network(MaxBatchSize = 64)]
public partial class MnistMlpF
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
