using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 33-129-10 ReLU classifier (a 33x129 layer, above the unroll threshold), softmax cross-entropy on one-hot rows.
// Zoo convention: ZooReluClassifierF and ZooReluClassifierD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 4, Precision = Precision.Float)]
public partial class ZooReluClassifierF
{
    readonly Linear fc1 = new(33, 129, Init.HeNormal);
    readonly Linear fc2 = new(129, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

[Network(MaxBatchSize = 4, Precision = Precision.Double)]
public partial class ZooReluClassifierD
{
    readonly Linear fc1 = new(33, 129, Init.HeNormal);
    readonly Linear fc2 = new(129, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
