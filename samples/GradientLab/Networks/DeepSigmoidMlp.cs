using SymGrad;

namespace GradientLab.Networks;

// SG0101 warns that nine sigmoid layers bound the gradient by 0.25^9; showing that is this network's purpose.
#pragma warning disable SG0101
/// <summary>The gradients study's vanishing case: 784-64x9-10, sigmoid, Xavier init, instrumented.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class DeepSigmoidMlp
{
    readonly Linear fc1 = new(784, 64, Init.XavierUniform);
    readonly Linear fc2 = new(64, 64, Init.XavierUniform);
    readonly Linear fc3 = new(64, 64, Init.XavierUniform);
    readonly Linear fc4 = new(64, 64, Init.XavierUniform);
    readonly Linear fc5 = new(64, 64, Init.XavierUniform);
    readonly Linear fc6 = new(64, 64, Init.XavierUniform);
    readonly Linear fc7 = new(64, 64, Init.XavierUniform);
    readonly Linear fc8 = new(64, 64, Init.XavierUniform);
    readonly Linear fc9 = new(64, 64, Init.XavierUniform);
    readonly Linear fc10 = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Sigmoid(fc1.Forward(x));
        h = Sigmoid(fc2.Forward(h));
        h = Sigmoid(fc3.Forward(h));
        h = Sigmoid(fc4.Forward(h));
        h = Sigmoid(fc5.Forward(h));
        h = Sigmoid(fc6.Forward(h));
        h = Sigmoid(fc7.Forward(h));
        h = Sigmoid(fc8.Forward(h));
        h = Sigmoid(fc9.Forward(h));
        return fc10.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
#pragma warning restore SG0101
