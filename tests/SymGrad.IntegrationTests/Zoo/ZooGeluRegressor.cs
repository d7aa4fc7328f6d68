using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 3-33-1 GELU regressor (exact erf GELU), mean squared error.
// Zoo convention: ZooGeluRegressorF and ZooGeluRegressorD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 3, Precision = Precision.Float)]
public partial class ZooGeluRegressorF
{
    readonly Linear fc1 = new(3, 33, Init.HeNormal);
    readonly Linear fc2 = new(33, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Gelu(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 3, Precision = Precision.Double)]
public partial class ZooGeluRegressorD
{
    readonly Linear fc1 = new(3, 33, Init.HeNormal);
    readonly Linear fc2 = new(33, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Gelu(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
