// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using SymGrad;

namespace GradientLab.Networks.Vanishing;

/// <summary>784 -> 64 x 8 -> 10, ELU (alpha 1), He init.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class EluNet
{
    readonly Linear fc1 = new(784, 64, Init.HeNormal);
    readonly Linear fc2 = new(64, 64, Init.HeNormal);
    readonly Linear fc3 = new(64, 64, Init.HeNormal);
    readonly Linear fc4 = new(64, 64, Init.HeNormal);
    readonly Linear fc5 = new(64, 64, Init.HeNormal);
    readonly Linear fc6 = new(64, 64, Init.HeNormal);
    readonly Linear fc7 = new(64, 64, Init.HeNormal);
    readonly Linear fc8 = new(64, 64, Init.HeNormal);
    readonly Linear output = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Elu(fc1.Forward(x), 1f);
        h = Elu(fc2.Forward(h), 1f);
        h = Elu(fc3.Forward(h), 1f);
        h = Elu(fc4.Forward(h), 1f);
        h = Elu(fc5.Forward(h), 1f);
        h = Elu(fc6.Forward(h), 1f);
        h = Elu(fc7.Forward(h), 1f);
        h = Elu(fc8.Forward(h), 1f);
        return output.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
