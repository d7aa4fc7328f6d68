using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 7-17, then one 17x17 tanh block applied three times by a constant-bound for loop (shared weights), 17-3 head, mean squared error.
// Zoo convention: ZooWeightSharedLoopF and ZooWeightSharedLoopD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 5, Precision = Precision.Float)]
public partial class ZooWeightSharedLoopF
{
    readonly Linear fc1 = new(7, 17, Init.XavierUniform);
    readonly Linear fc2 = new(17, 17, Init.XavierUniform);
    readonly Linear fc3 = new(17, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        for (int i = 0; i < 3; i++)
            h = h + Tanh(fc2.Forward(h));
        return fc3.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 5, Precision = Precision.Double)]
public partial class ZooWeightSharedLoopD
{
    readonly Linear fc1 = new(7, 17, Init.XavierUniform);
    readonly Linear fc2 = new(17, 17, Init.XavierUniform);
    readonly Linear fc3 = new(17, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        for (int i = 0; i < 3; i++)
            h = h + Tanh(fc2.Forward(h));
        return fc3.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
