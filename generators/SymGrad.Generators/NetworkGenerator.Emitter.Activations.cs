using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The emitter, activations that call a vectorized runtime kernel instead of an inline scalar loop: the forward
// rules that call exp (a libm call per value), the piecewise ones (a branch per value, mispredicted half of the
// time on real data), and the backward rules of all four common activations (arithmetic the JIT does not
// vectorize). The op's template in OpCatalog stays the definition: each kernel computes the same expression in
// the same order, so the results are the ones the inline template would give, and the block's comment still
// states the rule.
public sealed partial class NetworkGenerator
{
    /// <summary>The runtime kernel for <paramref name="op"/>'s forward pass, or null when the inline template is used.</summary>
    private static string? ActivationKernel(EmitContext c, OpKind op) =>
        c.Rule(op).ForwardTemplate == OpCatalog.Get(op).ForwardTemplate ? ForwardKernel(op) : null;

    /// <summary>
    /// The runtime kernel for <paramref name="op"/>'s backward rule and whether it reads the op's output (else its
    /// input), or null when the inline template is used: always when the rule is not the catalog's (a mutation test
    /// swaps in a wrong derivative, which must reach the generated code).
    /// </summary>
    private static (string Kernel, bool ReadsOutput)? ActivationBackwardKernel(EmitContext c, OpKind op) =>
        c.Rule(op).BackwardTemplate == OpCatalog.Get(op).BackwardTemplate ? BackwardKernel(op) : null;

    private static string? ForwardKernel(OpKind op) => op switch
    {
        OpKind.Sigmoid => "Sigmoid",
        OpKind.Tanh => "Tanh",
        OpKind.Relu => "Relu",
        OpKind.LeakyRelu => "LeakyRelu",
        _ => null,
    };

    private static (string Kernel, bool ReadsOutput)? BackwardKernel(OpKind op) => op switch
    {
        OpKind.Sigmoid => ("SigmoidBackward", true),
        OpKind.Tanh => ("TanhBackward", true),
        OpKind.Relu => ("ReluBackward", false),
        OpKind.LeakyRelu => ("LeakyReluBackward", false),
        _ => null,
    };

    private static void WriteActivationKernelForward(EmitContext c, NodeSpec node, string kernel)
    {
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        c.Writer.WriteLine("global::SymGrad.Kernels.Activations." + kernel + "<" + c.T + ">(" + ReadSpan(c, operand) + ", "
            + WriteSpan(c, ValueName(node.Id), node.Features) + ", batch * " + Literals.Int(node.Features) + SlopeArgument(c, node) + ");");
    }

    private static void WriteActivationKernelBackward(EmitContext c, NodeSpec node, string kernel, bool readsOutput)
    {
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        if (!c.Plan.HasAdjoint(operand))
        {
            c.Writer.WriteLine("// (the operand needs no gradient)");
            return;
        }
        string value = readsOutput ? ReadArray(c, ValueName(node.Id), node.Features) : ReadSpan(c, operand);
        c.Writer.WriteLine("global::SymGrad.Kernels.Activations." + kernel + "<" + c.T + ">(" + value + ", "
            + ReadArray(c, AdjointName(node.Id), node.Features) + ", " + WriteSpan(c, AdjointName(operand), node.Features)
            + ", batch * " + Literals.Int(node.Features) + SlopeArgument(c, node)
            + ", accumulate: " + (c.Plan.Assigns(node.Id, 0) ? "false" : "true") + ");");
    }

    /// <summary>The leaky ReLU's slope argument (its constant), empty for the other kernels.</summary>
    private static string SlopeArgument(EmitContext c, NodeSpec node) =>
        node.Op == OpKind.LeakyRelu ? ", " + Literals.Real(node.Constant, c.Spec.IsDouble) : "";
}
