using System.Collections.Generic;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, part 2: the forward pass, one block per node in evaluation order.
public sealed partial class NetworkGenerator
{
    /// <summary>Terms per line of an unrolled sum, so that a 16-input sum stays readable.</summary>
    private const int TermsPerLine = 8;

    /// <summary>
    /// A dense layer of at most [Network(UnrollThreshold = n)] weights is unrolled into one scalar statement per
    /// multiply, so that a reader sees every term of the chain rule; a larger one calls the runtime's vector
    /// kernels, which run several times faster once a layer fills a vector.
    /// </summary>
    private static bool IsUnrolled(EmitContext c, LayerSpec layer) => layer.WeightCount <= c.Spec.UnrollThreshold;

    private static void WriteRunForward(EmitContext c)
    {
        var w = c.Writer;
        bool modes = HasModes(c.Spec);
        var nodes = new List<int>();
        foreach (var node in c.Spec.Nodes)
        {
            if (node.Op != OpKind.Input)
            {
                nodes.Add(node.Id); // the input is the caller's span itself
            }
        }
        WritePass(c, "The forward pass over <paramref name=\"batch\"/> samples (lengths validated by the caller).", "__sg_RunForward",
            "global::System.ReadOnlySpan<" + c.T + "> inputs, int batch" + (modes ? ", bool training" : ""), "inputs, batch" + (modes ? ", training" : ""), c.GroupLoops(nodes),
            () =>
            {
                if (modes)
                {
                    w.WriteLine("__sg_forwardTraining = training;");
                    w.WriteLine();
                }
                WritePackedWeights(c);
            },
            id =>
            {
                if (id < 0)
                {
                    WriteRolledForward(c, c.LoopOfItem(id));
                    return;
                }
                WriteForwardComment(c, c.Spec.Nodes[id]);
                WriteForwardNode(c, c.Spec.Nodes[id]);
            });
        w.WriteLine();
    }

    private static void WriteForwardNode(EmitContext c, NodeSpec node)
    {
        var w = c.Writer;
        var op = c.Rule(node.Op);
        int operand0 = node.Operands.Count > 0 ? node.Operands[0] : 0;
        using (EmitBlock(w, null))
        {
            switch (node.Op)
            {
                case OpKind.Linear:
                    WriteLinearForward(c, node, operand0);
                    break;
                case OpKind.Softmax:
                    w.WriteLine("global::SymGrad.Kernels.Softmax.Forward<" + c.T + ">(" + ReadSpan(c, operand0) + ", "
                        + WriteSpan(c, ValueName(node.Id), node.Features) + ", batch, " + Literals.Int(node.Features) + ");");
                    break;
                case OpKind.Map:
                    WriteMapForward(c, node);
                    break;
                case OpKind.Slice:
                    WriteSliceForward(c, node, operand0);
                    break;
                case OpKind.Zeros:
                    WriteZerosForward(c, node);
                    break;
                case OpKind.BatchNorm:
                case OpKind.LayerNorm:
                case OpKind.Dropout:
                    WriteNormalizationForward(c, node, operand0);
                    break;
                default:
                    if (ActivationKernel(c, node.Op) is { } kernel)
                    {
                        WriteActivationKernelForward(c, node, kernel);
                        break;
                    }
                    if (ElementwiseKernel(c, node) is { } elementwise)
                    {
                        WriteElementwiseKernelForward(c, node, elementwise);
                        break;
                    }
                    WriteElementwiseForward(c, node, op);
                    break;
            }
        }
    }

    private static void WriteElementwiseForward(EmitContext c, NodeSpec node, OpInfo op)
    {
        var w = c.Writer;
        string span = "global::System.ReadOnlySpan<" + c.T + "> ";
        bool binary = node.Operands.Count > 1;
        w.WriteLine(span + "x = " + ReadSpan(c, node.Operands.Count > 0 ? node.Operands[0] : 0) + ";");
        if (binary)
        {
            w.WriteLine(span + "x2 = " + ReadSpan(c, node.Operands[1]) + ";");
        }
        w.WriteLine("global::System.Span<" + c.T + "> y = " + WriteSpan(c, ValueName(node.Id), node.Features) + ";");
        using (EmitBlock(w, "for (int k = 0; k < y.Length; k++)"))
        {
            var arguments = new TemplateArguments("x[k]", binary ? "x2[k]" : "x[k]", "y[k]", "dy[k]", node.Constant, c.Spec.IsDouble);
            w.WriteLine("y[k] = " + TemplateExpander.Expand(op.ForwardTemplate, arguments) + ";");
        }
    }

    private static void WriteLinearForward(EmitContext c, NodeSpec node, int operand)
    {
        var w = c.Writer;
        var layer = c.Layer(node);
        if (layer is null)
        {
            w.WriteLine("#error SymGrad: no layer field named " + Literals.OneLine(node.Layer ?? "(none)") + " in the spec");
            return;
        }
        string t = c.T;
        if (PacksForward(c, layer))
        {
            WritePackedLinearForward(c, layer, operand, node.Id);
            return;
        }
        if (!IsUnrolled(c, layer))
        {
            w.WriteLine("global::System.ReadOnlySpan<" + t + "> p = __sg_parameters;");
            w.WriteLine("global::SymGrad.Kernels.Dense.Forward<" + t + ">(" + ReadSpan(c, operand) + ", p.Slice(" + Literals.Int(layer.Offset) + ", "
                + Literals.Int(layer.WeightCount) + "), p.Slice(" + Literals.Int(layer.Offset + layer.WeightCount) + ", " + Literals.Int(layer.Outputs) + "), "
                + WriteSpan(c, ValueName(node.Id), layer.Outputs) + ", batch, " + Literals.Int(layer.Inputs) + ", " + Literals.Int(layer.Outputs) + ");");
            return;
        }
        WriteUnrolledLinearForward(c, layer, operand, node.Id);
    }

    /// <summary><c>lhs term + term + ...;</c>, wrapped every <see cref="TermsPerLine"/> terms.</summary>
    private static void WriteSum(IndentedWriter w, string lhs, List<string> terms)
    {
        var line = new System.Text.StringBuilder(lhs);
        for (int k = 0; k < terms.Count; k++)
        {
            if (k > 0 && k % TermsPerLine == 0)
            {
                w.WriteLine(line.ToString());
                if (k == TermsPerLine)
                {
                    w.Indent++;
                }
                line.Clear().Append("+ ");
            }
            else if (k > 0)
            {
                line.Append(" + ");
            }
            line.Append(terms[k]);
        }
        w.WriteLine(line.Append(';').ToString());
        if (terms.Count > TermsPerLine)
        {
            w.Indent--;
        }
    }
}
