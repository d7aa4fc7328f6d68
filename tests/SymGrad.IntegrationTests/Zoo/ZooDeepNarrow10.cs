using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// Ten Linear layers, 3-7-...-7-1 (7x7 layers, below the unroll threshold), alternating tanh and sigmoid, mean squared error.
// Zoo convention: ZooDeepNarrow10F and ZooDeepNarrow10D are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 3, Precision = Precision.Float)]
public partial class ZooDeepNarrow10F
{
    readonly Linear fc1 = new(3, 7, Init.XavierUniform);
    readonly Linear fc2 = new(7, 7, Init.XavierUniform);
    readonly Linear fc3 = new(7, 7, Init.XavierUniform);
    readonly Linear fc4 = new(7, 7, Init.XavierUniform);
    readonly Linear fc5 = new(7, 7, Init.XavierUniform);
    readonly Linear fc6 = new(7, 7, Init.XavierUniform);
    readonly Linear fc7 = new(7, 7, Init.XavierUniform);
    readonly Linear fc8 = new(7, 7, Init.XavierUniform);
    readonly Linear fc9 = new(7, 7, Init.XavierUniform);
    readonly Linear fc10 = new(7, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        h = Sigmoid(fc2.Forward(h));
        h = Tanh(fc3.Forward(h));
        h = Sigmoid(fc4.Forward(h));
        h = Tanh(fc5.Forward(h));
        h = Sigmoid(fc6.Forward(h));
        h = Tanh(fc7.Forward(h));
        h = Sigmoid(fc8.Forward(h));
        h = Tanh(fc9.Forward(h));
        return fc10.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 3, Precision = Precision.Double)]
public partial class ZooDeepNarrow10D
{
    readonly Linear fc1 = new(3, 7, Init.XavierUniform);
    readonly Linear fc2 = new(7, 7, Init.XavierUniform);
    readonly Linear fc3 = new(7, 7, Init.XavierUniform);
    readonly Linear fc4 = new(7, 7, Init.XavierUniform);
    readonly Linear fc5 = new(7, 7, Init.XavierUniform);
    readonly Linear fc6 = new(7, 7, Init.XavierUniform);
    readonly Linear fc7 = new(7, 7, Init.XavierUniform);
    readonly Linear fc8 = new(7, 7, Init.XavierUniform);
    readonly Linear fc9 = new(7, 7, Init.XavierUniform);
    readonly Linear fc10 = new(7, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        h = Sigmoid(fc2.Forward(h));
        h = Tanh(fc3.Forward(h));
        h = Sigmoid(fc4.Forward(h));
        h = Tanh(fc5.Forward(h));
        h = Sigmoid(fc6.Forward(h));
        h = Tanh(fc7.Forward(h));
        h = Sigmoid(fc8.Forward(h));
        h = Tanh(fc9.Forward(h));
        return fc10.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
