using System.Collections.Generic;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, part 3: the backward pass, one block per node in reverse evaluation order. Each
// block reads its node's adjoint (complete by then: every consumer has a later id) and sends a
// contribution to each operand that has an adjoint; the first contribution to reach an adjoint
// assigns and later ones add (GraphPlan), so no adjoint is cleared. Parameter gradients always
// add (the buffer is cleared once per call), which is right for a layer used twice.
public sealed partial class NetworkGenerator
{
    private static void WriteRunBackward(EmitContext c)
    {
        WritePass(c, "The backward pass over <paramref name=\"batch\"/> samples, after the loss has written the prediction's adjoint.", "__sg_RunBackward",
            "global::System.ReadOnlySpan<" + c.T + "> inputs, int batch", "inputs, batch", c.GroupLoops(c.Plan.BackwardOrder),
            () =>
            {
                WriteClearedAdjoints(c);
                WriteLastStepClears(c);
            },
            id =>
            {
                if (id < 0)
                {
                    WriteRolledBackward(c, c.LoopOfItem(id));
                    return;
                }
                WriteBackwardNode(c, c.Spec.Nodes[id]);
            });
    }

    private static void WriteBackwardNode(EmitContext c, NodeSpec node)
    {
        WriteBackwardComment(c, node);
        using (EmitBlock(c.Writer, null))
        {
            switch (node.Op)
            {
                case OpKind.Linear:
                    WriteLinearBackward(c, node);
                    break;
                case OpKind.Softmax:
                    WriteSoftmaxBackward(c, node);
                    break;
                case OpKind.Map:
                    WriteMapBackward(c, node);
                    break;
                case OpKind.Slice:
                    WriteSliceBackward(c, node);
                    break;
                case OpKind.BatchNorm:
                case OpKind.LayerNorm:
                case OpKind.Dropout:
                    WriteNormalizationBackward(c, node);
                    break;
                default:
                    if (ActivationBackwardKernel(c, node.Op) is { } kernel)
                    {
                        WriteActivationKernelBackward(c, node, kernel.Kernel, kernel.ReadsOutput);
                        break;
                    }
                    WriteElementwiseBackward(c, node);
                    break;
            }
        }
    }

    private static void WriteSoftmaxBackward(EmitContext c, NodeSpec node)
    {
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        if (!c.Plan.HasAdjoint(operand))
        {
            c.Writer.WriteLine("// (the operand needs no gradient)");
            return;
        }
        string f = Literals.Int(node.Features);
        c.Writer.WriteLine("global::SymGrad.Kernels.Softmax.Backward<" + c.T + ">(" + ReadArray(c, ValueName(node.Id), node.Features) + ", "
            + ReadArray(c, AdjointName(node.Id), node.Features) + ", " + WriteSpan(c, AdjointName(operand), node.Features) + ", batch, " + f
            + ", accumulate: " + (c.Plan.Assigns(node.Id, 0) ? "false" : "true") + ");");
    }

    private static void WriteElementwiseBackward(EmitContext c, NodeSpec node)
    {
        var w = c.Writer;
        var op = c.Rule(node.Op);
        // The contributions this node sends: (operand index, template).
        var contributions = new List<(int Index, string Template)>();
        for (int k = 0; k < node.Operands.Count && k < 2; k++)
        {
            if (c.Plan.HasAdjoint(node.Operands[k]))
            {
                contributions.Add((k, k == 0 ? op.BackwardTemplate : op.BackwardTemplateRight));
            }
        }
        // Contributions with a vector kernel are calls, in operand order (when both reach the same adjoint, as in
        // x * x, the first assigns and the second adds); the rest share one inline loop.
        if (contributions.TrueForAll(k => ElementwiseContributionCall(c, node, k.Index, k.Template) is not null))
        {
            foreach (var contribution in contributions)
            {
                w.WriteLine(ElementwiseContributionCall(c, node, contribution.Index, contribution.Template)!);
            }
            return;
        }
        string all = "";
        foreach (var contribution in contributions)
        {
            all += contribution.Template;
        }
        string read = "global::System.ReadOnlySpan<" + c.T + "> ";
        string write = "global::System.Span<" + c.T + "> ";
        // Declare only what the templates read: an unused span would be noise.
        if (all.Contains("{x}"))
        {
            w.WriteLine(read + "x = " + ReadSpan(c, node.Operands[0]) + ";");
        }
        if (all.Contains("{x2}") && node.Operands.Count > 1)
        {
            w.WriteLine(read + "x2 = " + ReadSpan(c, node.Operands[1]) + ";");
        }
        if (all.Contains("{y}"))
        {
            w.WriteLine(read + "y = " + ReadArray(c, ValueName(node.Id), node.Features) + ";");
        }
        w.WriteLine(read + "dy = " + ReadArray(c, AdjointName(node.Id), node.Features) + ";");
        foreach (var contribution in contributions)
        {
            w.WriteLine(write + AdjointLocal(contribution.Index) + " = " + WriteSpan(c, AdjointName(node.Operands[contribution.Index]), node.Features) + ";");
        }
        using (EmitBlock(w, "for (int k = 0; k < dy.Length; k++)"))
        {
            var arguments = new TemplateArguments("x[k]", node.Operands.Count > 1 ? "x2[k]" : "x[k]", "y[k]", "dy[k]", node.Constant, c.Spec.IsDouble);
            foreach (var contribution in contributions)
            {
                string assign = c.Plan.Assigns(node.Id, contribution.Index) ? " = " : " += ";
                w.WriteLine(AdjointLocal(contribution.Index) + "[k]" + assign + TemplateExpander.Expand(contribution.Template, arguments) + ";");
            }
        }
    }

    private static string AdjointLocal(int operandIndex) => operandIndex == 0 ? "dx" : "dx2";

    private static void WriteLinearBackward(EmitContext c, NodeSpec node)
    {
        var w = c.Writer;
        var layer = c.Layer(node);
        if (layer is null)
        {
            w.WriteLine("#error SymGrad: no layer field named " + Literals.OneLine(node.Layer ?? "(none)") + " in the spec");
            return;
        }
        string t = c.T;
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        bool inputGradient = c.Plan.HasAdjoint(operand);
        bool assigns = c.Plan.Assigns(node.Id, 0);
        string weights = Literals.Int(layer.Offset) + ", " + Literals.Int(layer.WeightCount);
        string bias = Literals.Int(layer.Offset + layer.WeightCount) + ", " + Literals.Int(layer.Outputs);
        string sizes = "batch, " + Literals.Int(layer.Inputs) + ", " + Literals.Int(layer.Outputs);

        if (IsUnrolled(c, layer))
        {
            WriteUnrolledLinearBackward(c, layer, operand, node.Id, inputGradient, assigns);
            return;
        }
        w.WriteLine("global::System.ReadOnlySpan<" + t + "> x = " + ReadSpan(c, operand) + ";");
        w.WriteLine("global::System.ReadOnlySpan<" + t + "> dz = " + ReadArray(c, AdjointName(node.Id), layer.Outputs) + ";");
        w.WriteLine("global::System.Span<" + t + "> g = __sg_gradients;");
        if (inputGradient)
        {
            w.WriteLine("global::System.ReadOnlySpan<" + t + "> p = __sg_parameters;");
            w.WriteLine("global::System.Span<" + t + "> dx = " + WriteSpan(c, AdjointName(operand), layer.Inputs) + ";");
        }
        else
        {
            w.WriteLine("// dX skipped: " + (operand == 0 || IsInput(c, operand) ? "the network input" : "the operand") + " needs no gradient.");
        }
        w.WriteLine("global::SymGrad.Kernels.Dense.BackwardWeights<" + t + ">(dz, x, g.Slice(" + weights + "), g.Slice(" + bias + "), " + sizes
            + ", accumulate: " + (OverwritesGradient(c, layer) ? "false" : "true") + ");");
        if (inputGradient)
        {
            w.WriteLine("global::SymGrad.Kernels.Dense.BackwardInput<" + t + ">(dz, p.Slice(" + weights + "), dx, " + sizes
                + ", accumulate: " + (assigns ? "false" : "true") + ");");
        }
    }
}
