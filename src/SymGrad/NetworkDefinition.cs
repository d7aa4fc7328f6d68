namespace SymGrad;

/// <summary>
/// The base class of every network definition. The generator adds it to the <c>[Network]</c> partial
/// class, so that the ops below are callable unqualified inside <c>[Forward]</c> and <c>[Loss]</c>.
/// At run time these are the reference path's tape ops; in generated code the generator replaces
/// each call with unrolled code.
/// </summary>
public abstract partial class NetworkDefinition
{
    /// <summary>max(0, x), element-wise.</summary>
    protected static Tensor Relu(Tensor x) => Tensor.Relu(x);

    /// <summary>x for x &gt; 0, slope * x otherwise (PyTorch's default slope 0.01).</summary>
    protected static Tensor LeakyRelu(Tensor x, double slope = 0.01) => Tensor.LeakyRelu(x, slope);

    /// <summary>x for x &gt; 0, alpha * (e^x - 1) otherwise.</summary>
    protected static Tensor Elu(Tensor x, double alpha = 1.0) => Tensor.Elu(x, alpha);

    /// <summary>1 / (1 + e^-x), element-wise.</summary>
    protected static Tensor Sigmoid(Tensor x) => Tensor.Sigmoid(x);

    /// <summary>tanh(x), element-wise.</summary>
    protected static Tensor Tanh(Tensor x) => Tensor.Tanh(x);

    /// <summary>x * Phi(x) (exact erf form), element-wise.</summary>
    protected static Tensor Gelu(Tensor x) => Tensor.Gelu(x);

    /// <summary>x * sigmoid(x), element-wise.</summary>
    protected static Tensor Silu(Tensor x) => Tensor.Silu(x);

    /// <summary>Softmax over the features of each row.</summary>
    protected static Tensor Softmax(Tensor x) => Tensor.Softmax(x);

    /// <summary>Mean over all elements of (prediction - target)^2.</summary>
    protected static Tensor MeanSquaredError(Tensor prediction, Tensor target) => Tensor.MeanSquaredError(prediction, target);

    /// <summary>Fused, stable softmax cross-entropy; <paramref name="target"/> rows are one-hot (or soft) distributions; mean over rows.</summary>
    protected static Tensor SoftmaxCrossEntropy(Tensor logits, Tensor target) => Tensor.SoftmaxCrossEntropy(logits, target);

    /// <summary>Fused, stable sigmoid + binary cross-entropy on logits; mean over all elements.</summary>
    protected static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target) => Tensor.BinaryCrossEntropyWithLogits(logits, target);
}
