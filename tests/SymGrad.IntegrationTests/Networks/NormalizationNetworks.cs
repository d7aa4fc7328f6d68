using SymGrad;

namespace SymGrad.IntegrationTests.Networks;

/// <summary>Linear, batch norm, tanh, linear: in double, for gradient checks in both modes.</summary>
[Network(Precision = Precision.Double, MaxBatchSize = 8)]
public partial class BatchNormDouble
{
    readonly Linear fc1 = new(4, 6, Init.XavierUniform);
    readonly BatchNorm bn = new(6);
    readonly Linear fc2 = new(6, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(bn.Forward(fc1.Forward(x)));
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>The PyTorch fixture's network: Linear(4, 6), BatchNorm1d(6), Tanh, Linear(6, 3), MSE, in float.</summary>
[Network(MaxBatchSize = 8)]
public partial class BatchNormFloat
{
    readonly Linear fc1 = new(4, 6);
    readonly BatchNorm bn = new(6);
    readonly Linear fc2 = new(6, 3);

    [Forward]
    Tensor Forward(Tensor x) => fc2.Forward(Tanh(bn.Forward(fc1.Forward(x))));

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>Linear, layer norm, tanh, linear, in double.</summary>
[Network(Precision = Precision.Double, MaxBatchSize = 8)]
public partial class LayerNormDouble
{
    readonly Linear fc1 = new(4, 6);
    readonly LayerNorm ln = new(6);
    readonly Linear fc2 = new(6, 3);

    [Forward]
    Tensor Forward(Tensor x) => fc2.Forward(Tanh(ln.Forward(fc1.Forward(x))));

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>The PyTorch fixture's network: Linear(4, 6), LayerNorm(6), Tanh, Linear(6, 3), MSE, in float.</summary>
[Network(MaxBatchSize = 8)]
public partial class LayerNormFloat
{
    readonly Linear fc1 = new(4, 6);
    readonly LayerNorm ln = new(6);
    readonly Linear fc2 = new(6, 3);

    [Forward]
    Tensor Forward(Tensor x) => fc2.Forward(Tanh(ln.Forward(fc1.Forward(x))));

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>Two dropouts (two mask streams) around a hidden layer, and a batch norm with non-default settings, in double.</summary>
[Network(Precision = Precision.Double, MaxBatchSize = 8)]
public partial class DropoutDouble
{
    readonly Dropout inputDrop = new(0.2);
    readonly Linear fc1 = new(4, 8);
    readonly BatchNorm bn = new(8, momentum: 0.3, epsilon: 1e-3);
    readonly Dropout drop = new(0.5);
    readonly Linear fc2 = new(8, 3);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(bn.Forward(fc1.Forward(inputDrop.Forward(x))));
        h = drop.Forward(h);
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
