using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The emitter, element-wise arithmetic (+, -, Hadamard *) as calls to the runtime's vector kernels: recurrent
// cells are mostly these (gates, c = f * c + i * g), and the inline scalar loops were a large part of an LSTM
// step. As for the activations, the catalog's template stays the definition (the kernels compute the same
// expressions in the same order) and a rule that is not the catalog's is expanded inline.
public sealed partial class NetworkGenerator
{
    /// <summary>The Elementwise kernel of a binary op's forward pass, or null (inline template).</summary>
    private static string? ElementwiseKernel(EmitContext c, NodeSpec node)
    {
        if (node.Operands.Count != 2 || c.Rule(node.Op).ForwardTemplate != OpCatalog.Get(node.Op).ForwardTemplate)
        {
            return null;
        }
        return node.Op switch
        {
            OpKind.Add => "Add",
            OpKind.Subtract => "Subtract",
            OpKind.Multiply => "Multiply",
            _ => null,
        };
    }

    private static void WriteElementwiseKernelForward(EmitContext c, NodeSpec node, string kernel) =>
        c.Writer.WriteLine("global::SymGrad.Kernels.Elementwise." + kernel + "<" + c.T + ">(" + ReadSpan(c, node.Operands[0]) + ", "
            + ReadSpan(c, node.Operands[1]) + ", " + WriteSpan(c, ValueName(node.Id), node.Features) + ", batch * " + Literals.Int(node.Features) + ");");

    /// <summary>
    /// The kernel call for one gradient contribution of a binary op, or null when its template has no kernel
    /// (or the rule is not the catalog's).
    /// </summary>
    private static string? ElementwiseContributionCall(EmitContext c, NodeSpec node, int operandIndex, string template)
    {
        if (node.Operands.Count != 2 || node.Op is not (OpKind.Add or OpKind.Subtract or OpKind.Multiply))
        {
            return null;
        }
        var catalog = OpCatalog.Get(node.Op);
        if (template != (operandIndex == 0 ? catalog.BackwardTemplate : catalog.BackwardTemplateRight))
        {
            return null;
        }
        string dy = ReadArray(c, AdjointName(node.Id), node.Features);
        string dx = WriteSpan(c, AdjointName(node.Operands[operandIndex]), node.Features);
        string tail = ", batch * " + Literals.Int(node.Features) + ", accumulate: " + (c.Plan.Assigns(node.Id, operandIndex) ? "false" : "true") + ");";
        string kernels = "global::SymGrad.Kernels.Elementwise.";
        return template switch
        {
            "{dy}" => kernels + "PassGradient<" + c.T + ">(" + dy + ", " + dx + tail,
            "-{dy}" => kernels + "PassNegatedGradient<" + c.T + ">(" + dy + ", " + dx + tail,
            "{dy} * {x2}" => kernels + "MultiplyGradient<" + c.T + ">(" + dy + ", " + ReadSpan(c, node.Operands[1]) + ", " + dx + tail,
            "{dy} * {x}" => kernels + "MultiplyGradient<" + c.T + ">(" + dy + ", " + ReadSpan(c, node.Operands[0]) + ", " + dx + tail,
            _ => null,
        };
    }
}
