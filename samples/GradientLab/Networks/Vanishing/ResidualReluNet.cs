// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using SymGrad;

namespace GradientLab.Networks.Vanishing;

/// <summary>784 -> 64 x 8 -> 10, ReLU, residual: every layer after the first is h = h + Relu(fc(h)). The first layer has He init; the branches LeCun init (variance 1/fan_in), since with He init each branch doubles the variance of the sum.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class ResidualReluNet
{
    readonly Linear fc1 = new(784, 64, Init.HeNormal);
    readonly Linear fc2 = new(64, 64, Init.LeCunNormal);
    readonly Linear fc3 = new(64, 64, Init.LeCunNormal);
    readonly Linear fc4 = new(64, 64, Init.LeCunNormal);
    readonly Linear fc5 = new(64, 64, Init.LeCunNormal);
    readonly Linear fc6 = new(64, 64, Init.LeCunNormal);
    readonly Linear fc7 = new(64, 64, Init.LeCunNormal);
    readonly Linear fc8 = new(64, 64, Init.LeCunNormal);
    readonly Linear output = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        h = h + Relu(fc2.Forward(h));
        h = h + Relu(fc3.Forward(h));
        h = h + Relu(fc4.Forward(h));
        h = h + Relu(fc5.Forward(h));
        h = h + Relu(fc6.Forward(h));
        h = h + Relu(fc7.Forward(h));
        h = h + Relu(fc8.Forward(h));
        return output.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
