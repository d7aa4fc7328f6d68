using SymGrad;

namespace GradientLab.Networks;

/// <summary>
/// The clipping study's network: 784-128-128-128-10, ReLU, He init, instrumented. The study scales its
/// initial weights up (a "large init") so that plain SGD explodes; with global-norm clipping it does not.
/// </summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class ExplodingMlp
{
    readonly Linear fc1 = new(784, 128, Init.HeNormal);
    readonly Linear fc2 = new(128, 128, Init.HeNormal);
    readonly Linear fc3 = new(128, 128, Init.HeNormal);
    readonly Linear fc4 = new(128, 10, Init.HeNormal);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h1 = Relu(fc1.Forward(x));
        var h2 = Relu(fc2.Forward(h1));
        var h3 = Relu(fc3.Forward(h2));
        return fc4.Forward(h3);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
