using Microsoft.CodeAnalysis;

namespace SymGrad.Generators;

// SG01xx: gradient-health lints (warnings; suppress with #pragma warning disable SG01xx).
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SaturatingChain = Warning("SG0101",
        "Saturating activation chain bounds the gradient",
        "A chain of {0} sigmoid/tanh layers ({1}) without normalization or skip connection bounds the back-propagated gradient by {2} "
        + "(0.25 per sigmoid, {3} here; 1 per tanh before saturation), below {4}: expect vanishing gradients in the first layers. "
        + "Remedies: a BatchNorm between the layers, a residual connection (h = h + f(h)), or ReLU with He initialization");

    public static readonly DiagnosticDescriptor InitMismatch = Warning("SG0102",
        "Initialization does not match the activation",
        "Layer '{0}' feeds {1} but is initialized with {2}, which is scaled for {3}; use Init.{4}");

    public static readonly DiagnosticDescriptor SoftmaxBeforeCrossEntropy = Warning("SG0103",
        "Softmax before a loss that applies its own",
        "'{0}' applies Softmax before {1}, which applies its own softmax/log: the probabilities are squashed twice and the gradient shrinks. "
        + "Return the logits and let {1} fuse softmax and log stably");

    public static readonly DiagnosticDescriptor NoGradient = Warning("SG0104",
        "Parameter receives no gradient",
        "Layer '{0}' receives no gradient: {1}; its parameters will never train. Use it in [Forward] on the path to the output, or remove it");
}
