using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 5-33-3 SiLU multi-label classifier, binary cross-entropy on logits, nonzero initial biases.
// Zoo convention: ZooSiluMultiLabelF and ZooSiluMultiLabelD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 7, Precision = Precision.Float)]
public partial class ZooSiluMultiLabelF
{
    readonly Linear fc1 = new(5, 33, Init.HeUniform, 0.1f);
    readonly Linear fc2 = new(33, 3, Init.XavierUniform, -0.2f);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Silu(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => BinaryCrossEntropyWithLogits(logits, target);
}

[Network(MaxBatchSize = 7, Precision = Precision.Double)]
public partial class ZooSiluMultiLabelD
{
    readonly Linear fc1 = new(5, 33, Init.HeUniform, 0.1f);
    readonly Linear fc2 = new(33, 3, Init.XavierUniform, -0.2f);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Silu(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => BinaryCrossEntropyWithLogits(logits, target);
}
