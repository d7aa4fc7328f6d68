using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// Every activation in one 17-wide stack, with a residual and a difference of branches; softmax cross-entropy on one-hot rows.
// Zoo convention: ZooMixedActivationsF and ZooMixedActivationsD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 5, Precision = Precision.Float)]
public partial class ZooMixedActivationsF
{
    readonly Linear fc1 = new(33, 17, Init.HeNormal);
    readonly Linear fc2 = new(17, 17, Init.HeNormal);
    readonly Linear fc3 = new(17, 17, Init.HeNormal);
    readonly Linear fc4 = new(17, 17, Init.XavierUniform);
    readonly Linear fc5 = new(17, 17, Init.XavierUniform);
    readonly Linear head = new(17, 7, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var a = Gelu(fc1.Forward(x));
        var b = a + Silu(fc2.Forward(a));
        var c = Elu(fc3.Forward(b), 1.0f) - LeakyRelu(fc4.Forward(b), 0.2f);
        var d = Sigmoid(fc5.Forward(c)) * Relu(c);
        return head.Forward(Tanh(d));
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

[Network(MaxBatchSize = 5, Precision = Precision.Double)]
public partial class ZooMixedActivationsD
{
    readonly Linear fc1 = new(33, 17, Init.HeNormal);
    readonly Linear fc2 = new(17, 17, Init.HeNormal);
    readonly Linear fc3 = new(17, 17, Init.HeNormal);
    readonly Linear fc4 = new(17, 17, Init.XavierUniform);
    readonly Linear fc5 = new(17, 17, Init.XavierUniform);
    readonly Linear head = new(17, 7, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var a = Gelu(fc1.Forward(x));
        var b = a + Silu(fc2.Forward(a));
        var c = Elu(fc3.Forward(b), 1.0f) - LeakyRelu(fc4.Forward(b), 0.2f);
        var d = Sigmoid(fc5.Forward(c)) * Relu(c);
        return head.Forward(Tanh(d));
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
