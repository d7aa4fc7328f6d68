// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using SymGrad;

namespace GradientLab.Networks.Vanishing;

/// <summary>784 -> 64 x 8 -> 10, sigmoid after batch normalization of every layer, Xavier init.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class SigmoidBatchNormNet
{
    readonly Linear fc1 = new(784, 64, Init.XavierUniform);
    readonly BatchNorm bn1 = new(64);
    readonly Linear fc2 = new(64, 64, Init.XavierUniform);
    readonly BatchNorm bn2 = new(64);
    readonly Linear fc3 = new(64, 64, Init.XavierUniform);
    readonly BatchNorm bn3 = new(64);
    readonly Linear fc4 = new(64, 64, Init.XavierUniform);
    readonly BatchNorm bn4 = new(64);
    readonly Linear fc5 = new(64, 64, Init.XavierUniform);
    readonly BatchNorm bn5 = new(64);
    readonly Linear fc6 = new(64, 64, Init.XavierUniform);
    readonly BatchNorm bn6 = new(64);
    readonly Linear fc7 = new(64, 64, Init.XavierUniform);
    readonly BatchNorm bn7 = new(64);
    readonly Linear fc8 = new(64, 64, Init.XavierUniform);
    readonly BatchNorm bn8 = new(64);
    readonly Linear output = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Sigmoid(bn1.Forward(fc1.Forward(x)));
        h = Sigmoid(bn2.Forward(fc2.Forward(h)));
        h = Sigmoid(bn3.Forward(fc3.Forward(h)));
        h = Sigmoid(bn4.Forward(fc4.Forward(h)));
        h = Sigmoid(bn5.Forward(fc5.Forward(h)));
        h = Sigmoid(bn6.Forward(fc6.Forward(h)));
        h = Sigmoid(bn7.Forward(fc7.Forward(h)));
        h = Sigmoid(bn8.Forward(fc8.Forward(h)));
        return output.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
