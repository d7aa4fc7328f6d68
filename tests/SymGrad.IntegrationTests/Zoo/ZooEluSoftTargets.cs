using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 7-17-5 ELU (alpha 0.5) classifier trained on soft target distributions with softmax cross-entropy.
// Zoo convention: ZooEluSoftTargetsF and ZooEluSoftTargetsD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 7, Precision = Precision.Float)]
public partial class ZooEluSoftTargetsF
{
    readonly Linear fc1 = new(7, 17, Init.HeNormal);
    readonly Linear fc2 = new(17, 5, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Elu(fc1.Forward(x), 0.5f);
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

[Network(MaxBatchSize = 7, Precision = Precision.Double)]
public partial class ZooEluSoftTargetsD
{
    readonly Linear fc1 = new(7, 17, Init.HeNormal);
    readonly Linear fc2 = new(17, 5, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Elu(fc1.Forward(x), 0.5f);
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
