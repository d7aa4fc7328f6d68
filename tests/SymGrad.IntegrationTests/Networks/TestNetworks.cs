using SymGrad;

// These networks test checkpoints and validation, not training quality: He init before Tanh (SG0102) is kept
// so that their parameters, and the tests written against them, stay as they were.
#pragma warning disable SG0102

namespace SymGrad.IntegrationTests.Networks;

/// <summary>
/// A 4-8-3 classifier with softmax cross-entropy: small (67 parameters) so that a checkpoint test can
/// corrupt every byte of its file, and wide enough (8 hidden units) to cross a SIMD vector in the optimizers.
/// </summary>
[Network(MaxBatchSize = 8)]
public partial class Classifier
{
    readonly Linear hidden = new(4, 8, Init.HeUniform);
    readonly Linear output = new(8, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => output.Forward(Tanh(hidden.Forward(x)));

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>Another network with the same layer shapes as <see cref="Classifier"/>: its checkpoints must not load there.</summary>
[Network(MaxBatchSize = 8)]
public partial class LookAlikeClassifier
{
    readonly Linear hidden = new(4, 8, Init.HeUniform);
    readonly Linear output = new(8, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => output.Forward(Tanh(hidden.Forward(x)));

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>A regression network (mean squared error), which has no class-label overloads.</summary>
[Network(MaxBatchSize = 8)]
public partial class Regressor
{
    readonly Linear hidden = new(3, 5, Init.XavierUniform);
    readonly Linear output = new(5, 2, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => output.Forward(Sigmoid(hidden.Forward(x)));

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary><see cref="Classifier"/> in double precision.</summary>
[Network(MaxBatchSize = 8, Precision = Precision.Double)]
public partial class DoubleClassifier
{
    readonly Linear hidden = new(4, 8, Init.HeUniform);
    readonly Linear output = new(8, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => output.Forward(Tanh(hidden.Forward(x)));

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
