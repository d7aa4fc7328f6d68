using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 7-1-3: a width-1 tanh bottleneck, binary cross-entropy on logits.
// Zoo convention: ZooBottleneckF and ZooBottleneckD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 7, Precision = Precision.Float)]
public partial class ZooBottleneckF
{
    readonly Linear squeeze = new(7, 1, Init.XavierUniform);
    readonly Linear expand = new(1, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(squeeze.Forward(x));
        return expand.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => BinaryCrossEntropyWithLogits(logits, target);
}

[Network(MaxBatchSize = 7, Precision = Precision.Double)]
public partial class ZooBottleneckD
{
    readonly Linear squeeze = new(7, 1, Init.XavierUniform);
    readonly Linear expand = new(1, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(squeeze.Forward(x));
        return expand.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => BinaryCrossEntropyWithLogits(logits, target);
}
