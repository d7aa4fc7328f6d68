// This file is compiled into both the runtime (SymGrad) and the generator (SymGrad.Generators):
// keep it free of APIs that netstandard2.0 lacks.
namespace SymGrad.Ops
{
    /// <summary>The operations a <c>[Forward]</c> method may use. The generator and the runtime share this list.</summary>
    public enum OpKind
    {
        /// <summary>The network input (the <c>[Forward]</c> parameter).</summary>
        Input,
        /// <summary>A dense layer call, <c>fc.Forward(x)</c>: Y = X W^T + b.</summary>
        Linear,
        /// <summary>Element-wise sum of two tensors of equal shape.</summary>
        Add,
        /// <summary>Element-wise difference of two tensors of equal shape.</summary>
        Subtract,
        /// <summary>Element-wise (Hadamard) product of two tensors of equal shape.</summary>
        Multiply,
        /// <summary>Product of a tensor and a compile-time constant scalar.</summary>
        Scale,
        /// <summary>Unary minus.</summary>
        Negate,
        /// <summary>max(0, x).</summary>
        Relu,
        /// <summary>x for x &gt; 0, slope * x otherwise.</summary>
        LeakyRelu,
        /// <summary>x for x &gt; 0, alpha * (e^x - 1) otherwise.</summary>
        Elu,
        /// <summary>1 / (1 + e^-x).</summary>
        Sigmoid,
        /// <summary>Hyperbolic tangent.</summary>
        Tanh,
        /// <summary>x * Phi(x), the exact (erf) form, as PyTorch's default.</summary>
        Gelu,
        /// <summary>x * sigmoid(x) (also called swish).</summary>
        Silu,
        /// <summary>Row-wise softmax over the features of each sample.</summary>
        Softmax,
        /// <summary>A user's [Differentiable] scalar function applied element-wise, <c>Map(x, MyMath.Swish)</c>.</summary>
        Map,
        /// <summary>A batch norm layer call, <c>bn.Forward(x)</c>: each feature normalized over the batch (running statistics in evaluation mode), then scaled and shifted.</summary>
        BatchNorm,
        /// <summary>A layer norm layer call, <c>ln.Forward(x)</c>: each sample normalized over its features, then scaled and shifted.</summary>
        LayerNorm,
        /// <summary>A dropout layer call, <c>drop.Forward(x)</c>: inverted dropout in training mode, the identity in evaluation mode.</summary>
        Dropout,
        /// <summary>Columns [start, start + width) of each row: a time step of a sequence input (<c>x.Step(t, F)</c>) or a gate block of a recurrent cell.</summary>
        Slice,
        /// <summary><c>Zeros(n)</c>: a [batch, n] tensor of zeros, the initial state of a recurrent loop.</summary>
        Zeros,
    }

    /// <summary>The losses a <c>[Loss]</c> method may return. Every loss is averaged over the batch.</summary>
    public enum LossKind
    {
        /// <summary>mean over all B x F elements of (prediction - target)^2, as PyTorch's MSELoss.</summary>
        MeanSquaredError,
        /// <summary>Fused, numerically stable log-softmax + cross-entropy; targets are one-hot (or soft) rows; mean over the batch.</summary>
        SoftmaxCrossEntropy,
        /// <summary>Fused, numerically stable sigmoid + binary cross-entropy; mean over all B x F elements.</summary>
        BinaryCrossEntropyWithLogits,
        /// <summary>Mean over all B x F elements of a user's [Differentiable] function f(prediction, target), <c>ElementwiseMean(p, t, MyMath.Huber)</c>.</summary>
        ElementwiseMean,
    }
}
