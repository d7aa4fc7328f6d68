using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 2-16-1 sigmoid MLP (a 2x16 layer, below the 16x16 unroll threshold), binary cross-entropy on logits.
// Zoo convention: ZooSigmoidMlpF and ZooSigmoidMlpD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 5, Precision = Precision.Float)]
public partial class ZooSigmoidMlpF
{
    readonly Linear fc1 = new(2, 16, Init.XavierUniform);
    readonly Linear fc2 = new(16, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Sigmoid(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => BinaryCrossEntropyWithLogits(logits, target);
}

[Network(MaxBatchSize = 5, Precision = Precision.Double)]
public partial class ZooSigmoidMlpD
{
    readonly Linear fc1 = new(2, 16, Init.XavierUniform);
    readonly Linear fc2 = new(16, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Sigmoid(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => BinaryCrossEntropyWithLogits(logits, target);
}
