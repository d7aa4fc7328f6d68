using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 7-17-3 tanh MLP (widths off the vector width), mean squared error, odd batch 7 below MaxBatchSize 8.
// Zoo convention: ZooTanhMlpF and ZooTanhMlpD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 8, Precision = Precision.Float)]
public partial class ZooTanhMlpF
{
    readonly Linear fc1 = new(7, 17, Init.XavierNormal);
    readonly Linear fc2 = new(17, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 8, Precision = Precision.Double)]
public partial class ZooTanhMlpD
{
    readonly Linear fc1 = new(7, 17, Init.XavierNormal);
    readonly Linear fc2 = new(17, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
