using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// Depth 1: a single 3->1 Linear (widths 1 and 3), mean squared error.
// Zoo convention: ZooSingleLinearF and ZooSingleLinearD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 3, Precision = Precision.Float)]
public partial class ZooSingleLinearF
{
    readonly Linear fc = new(3, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => fc.Forward(x);

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 3, Precision = Precision.Double)]
public partial class ZooSingleLinearD
{
    readonly Linear fc = new(3, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => fc.Forward(x);

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
