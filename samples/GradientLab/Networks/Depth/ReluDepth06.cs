// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using SymGrad;

namespace GradientLab.Networks.Depth;

/// <summary>784 -> 64 x 6 -> 10, ReLU, He init.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class ReluDepth06
{
    readonly Linear fc1 = new(784, 64, Init.HeNormal);
    readonly Linear fc2 = new(64, 64, Init.HeNormal);
    readonly Linear fc3 = new(64, 64, Init.HeNormal);
    readonly Linear fc4 = new(64, 64, Init.HeNormal);
    readonly Linear fc5 = new(64, 64, Init.HeNormal);
    readonly Linear fc6 = new(64, 64, Init.HeNormal);
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
        return output.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
