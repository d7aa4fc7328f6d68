// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using SymGrad;

namespace GradientLab.Networks.Initialization;

// SG0101 warns that a chain of sigmoid/tanh layers bounds the gradient; measuring that is this network's purpose.
#pragma warning disable SG0101
/// <summary>784 -> 64 x 8 -> 10, tanh, the "standard" init U[-1/sqrt(fan_in), 1/sqrt(fan_in)]: too small for tanh by sqrt(3) per layer.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class TanhStandardNet
{
    readonly Linear fc1 = new(784, 64, Init.StandardUniform);
    readonly Linear fc2 = new(64, 64, Init.StandardUniform);
    readonly Linear fc3 = new(64, 64, Init.StandardUniform);
    readonly Linear fc4 = new(64, 64, Init.StandardUniform);
    readonly Linear fc5 = new(64, 64, Init.StandardUniform);
    readonly Linear fc6 = new(64, 64, Init.StandardUniform);
    readonly Linear fc7 = new(64, 64, Init.StandardUniform);
    readonly Linear fc8 = new(64, 64, Init.StandardUniform);
    readonly Linear output = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        h = Tanh(fc2.Forward(h));
        h = Tanh(fc3.Forward(h));
        h = Tanh(fc4.Forward(h));
        h = Tanh(fc5.Forward(h));
        h = Tanh(fc6.Forward(h));
        h = Tanh(fc7.Forward(h));
        h = Tanh(fc8.Forward(h));
        return output.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
#pragma warning restore SG0101
