using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The emitter, activations whose forward rule calls exp: one vectorized runtime kernel call per node instead of
// an inline loop of libm calls (the loop form cost most of a small sigmoid network's step). The op's template in
// OpCatalog stays the definition: the kernel computes the same function, and the backward pass still expands the
// template inline (it needs no exp).
public sealed partial class NetworkGenerator
{
    /// <summary>The runtime kernel for <paramref name="op"/>'s forward pass, or null when the inline template is used.</summary>
    private static string? ActivationKernel(OpKind op) => op switch
    {
        OpKind.Sigmoid => "Sigmoid",
        OpKind.Tanh => "Tanh",
        _ => null,
    };

    private static void WriteActivationKernelForward(EmitContext c, NodeSpec node, string kernel)
    {
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        c.Writer.WriteLine("global::SymGrad.Kernels.Activations." + kernel + "<" + c.T + ">(" + ReadSpan(c, operand) + ", "
            + WriteSpan(c, ValueName(node.Id), node.Features) + ", batch * " + Emission.Literals.Int(node.Features) + ");");
    }
}
