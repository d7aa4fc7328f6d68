// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using SymGrad;

namespace GradientLab.Networks.Depth;

// SG0101 warns that a chain of sigmoid/tanh layers bounds the gradient; measuring that is this network's purpose.
#pragma warning disable SG0101
/// <summary>784 -> 64 x 15 -> 10, sigmoid, Xavier init.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class SigmoidDepth15
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
    readonly Linear fc10 = new(64, 64, Init.XavierUniform);
    readonly Linear fc11 = new(64, 64, Init.XavierUniform);
    readonly Linear fc12 = new(64, 64, Init.XavierUniform);
    readonly Linear fc13 = new(64, 64, Init.XavierUniform);
    readonly Linear fc14 = new(64, 64, Init.XavierUniform);
    readonly Linear fc15 = new(64, 64, Init.XavierUniform);
    readonly Linear output = new(64, 10, Init.XavierUniform);

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
        h = Sigmoid(fc10.Forward(h));
        h = Sigmoid(fc11.Forward(h));
        h = Sigmoid(fc12.Forward(h));
        h = Sigmoid(fc13.Forward(h));
        h = Sigmoid(fc14.Forward(h));
        h = Sigmoid(fc15.Forward(h));
        return output.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
#pragma warning restore SG0101
