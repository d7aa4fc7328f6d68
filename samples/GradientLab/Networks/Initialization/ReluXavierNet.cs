// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using SymGrad;

namespace GradientLab.Networks.Initialization;

// SG0102 warns about ReLU with Xavier init; comparing it with He init is this network's purpose.
#pragma warning disable SG0102
/// <summary>784 -> 64 x 8 -> 10, ReLU, Xavier init: too small for ReLU by sqrt(2) per layer.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class ReluXavierNet
{
    readonly Linear fc1 = new(784, 64, Init.XavierUniform);
    readonly Linear fc2 = new(64, 64, Init.XavierUniform);
    readonly Linear fc3 = new(64, 64, Init.XavierUniform);
    readonly Linear fc4 = new(64, 64, Init.XavierUniform);
    readonly Linear fc5 = new(64, 64, Init.XavierUniform);
    readonly Linear fc6 = new(64, 64, Init.XavierUniform);
    readonly Linear fc7 = new(64, 64, Init.XavierUniform);
    readonly Linear fc8 = new(64, 64, Init.XavierUniform);
    readonly Linear output = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        h = Relu(fc2.Forward(h));
        h = Relu(fc3.Forward(h));
        h = Relu(fc4.Forward(h));
        h = Relu(fc5.Forward(h));
        h = Relu(fc6.Forward(h));
        h = Relu(fc7.Forward(h));
        h = Relu(fc8.Forward(h));
        return output.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
#pragma warning restore SG0102
