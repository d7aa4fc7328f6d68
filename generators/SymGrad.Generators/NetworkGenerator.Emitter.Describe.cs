using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The emitter, part 4: the prose. One DescribeOp sentence per node is used both in the class's
// <remarks> and above the node's forward block, so the documentation and the code say the same thing.
public sealed partial class NetworkGenerator
{
    /// <summary>One sentence for a node: what its op computes, with its shape and constant.</summary>
    private static string DescribeOp(EmitContext c, NodeSpec node)
    {
        var op = c.Rule(node.Op);
        string features = Literals.Int(node.Features);
        switch (node.Op)
        {
            case OpKind.Input:
                return op.Description + " (" + features + " features)";
            case OpKind.Linear:
                var layer = c.Layer(node);
                string shape = layer is null
                    ? "? -> " + features
                    : Literals.Int(layer.Inputs) + " -> " + Literals.Int(layer.Outputs);
                return "layer " + (node.Layer ?? "?") + ", " + op.Description + " (" + shape + " features)";
            case OpKind.Scale:
                return op.Description + " " + ConstantText(node.Constant) + " (" + features + " features)";
            case OpKind.LeakyRelu:
                return op.Description + " (slope " + ConstantText(node.Constant) + ", " + features + " features)";
            case OpKind.Elu:
                return op.Description + " (alpha " + ConstantText(node.Constant) + ", " + features + " features)";
            case OpKind.Map:
                return op.Description + ", " + (node.Function?.Display ?? "?") + " (" + features + " features)";
            default:
                return op.Description + " (" + features + " features)";
        }
    }

    private static string ConstantText(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name a block comment gives a node's op: the layer field for a dense layer, else the op kind.</summary>
    private static string OpLabel(NodeSpec node) =>
        node.Layer is not null ? node.Layer : node.Op.ToString().ToLowerInvariant();

    /// <summary>The node's source text, with the variable it is assigned to.</summary>
    private static string NodeLabel(NodeSpec node) =>
        node.Variable is null || node.Variable == node.Source ? node.Source : node.Variable + " = " + node.Source;

    /// <summary>"Mlp.cs line 14: fc2.Forward(h1)", on one line.</summary>
    private static string SourceReference(NetworkSpec spec, int line, string source) =>
        Literals.OneLine(spec.SourceFile + " line " + Literals.Int(line) + ": " + source);

    /// <summary>The two comment lines above a node's forward block: op, source and rule; then the DescribeOp sentence.</summary>
    private static void WriteForwardComment(EmitContext c, NodeSpec node)
    {
        var op = c.Rule(node.Op);
        c.Writer.WriteLine("// [" + Literals.Int(node.Id) + "] " + OpLabel(node) + " forward (" + SourceReference(c.Spec, node.Line, NodeLabel(node)) + "): " + Literals.OneLine(op.ForwardRule));
        c.Writer.WriteLine("//     " + Literals.OneLine(DescribeOp(c, node)));
    }

    /// <summary>The comment above a node's backward block: op, source and derivative rule.</summary>
    private static void WriteBackwardComment(EmitContext c, NodeSpec node)
    {
        var op = c.Rule(node.Op);
        c.Writer.WriteLine("// [" + Literals.Int(node.Id) + "] " + OpLabel(node) + " backward (" + SourceReference(c.Spec, node.Line, NodeLabel(node)) + "): " + Literals.OneLine(op.BackwardRule));
    }

    /// <summary>The class summary and remarks: the network explained layer by layer, node by node, and its loss.</summary>
    private static void WriteClassDocumentation(EmitContext c)
    {
        var w = c.Writer;
        var spec = c.Spec;
        w.WriteLine("/// <summary>");
        w.WriteLine("/// The SymGrad trainer for the network defined in " + Literals.Xml(spec.SourceFile) + ": input size " + Literals.Int(spec.InputSize) + ", output size "
            + Literals.Int(spec.OutputSize) + ", " + Literals.Int(spec.ParameterCount) + " parameters in " + c.T
            + ", batches of up to " + Literals.Int(spec.MaxBatchSize) + " samples; unrolled forward and backward passes that allocate nothing.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// <para>Layers, in declaration order, in one flat parameter buffer (weights [outputs, inputs] row-major, then the bias):</para>");
        w.WriteLine("/// <list type=\"bullet\">");
        foreach (var layer in spec.Layers)
        {
            if (layer.Kind != LayerKind.Linear || layer.Owner is not null)
            {
                w.WriteLine("/// <item><description>" + Literals.Xml(DescribeNormalizationLayer(layer)) + "</description></item>");
                continue;
            }
            int biasOffset = layer.Offset + layer.WeightCount;
            string text = layer.Name + " (line " + Literals.Int(layer.Line) + "): dense " + Literals.Int(layer.Inputs) + " -> " + Literals.Int(layer.Outputs)
                + ", " + layer.Init + " weights at [" + Literals.Int(layer.Offset) + ", " + Literals.Int(biasOffset) + "), bias (initially "
                + ConstantText(layer.BiasInit) + ") at [" + Literals.Int(biasOffset) + ", " + Literals.Int(biasOffset + layer.Outputs) + ").";
            w.WriteLine("/// <item><description>" + Literals.Xml(text) + "</description></item>");
        }
        w.WriteLine("/// </list>");
        w.WriteLine("/// <para>The forward pass (" + Literals.Xml(spec.ForwardMethod) + "), one step per op; the output is step " + Literals.Int(spec.OutputNode) + ":</para>");
        w.WriteLine("/// <list type=\"number\">");
        foreach (var node in spec.Nodes)
        {
            w.WriteLine("/// <item><description>[" + Literals.Int(node.Id) + "] " + Literals.Xml(NodeLabel(node))
                + (node.Op == OpKind.Input ? "" : " (line " + Literals.Int(node.Line) + ")") + ": " + Literals.Xml(DescribeOp(c, node)) + ".</description></item>");
        }
        w.WriteLine("/// </list>");
        w.WriteLine("/// <para>The loss (" + Literals.Xml(spec.LossMethod) + ", line " + Literals.Int(spec.Loss.Line) + ": " + Literals.Xml(spec.Loss.Source) + ") on step "
            + Literals.Int(spec.Loss.PredictionNode) + ": " + Literals.Xml(OpCatalog.DescribeLoss(spec.Loss.Kind))
            + (spec.Loss.Function is { } f ? ", f = " + Literals.Xml(f.Display) : "") + ".</para>");
        w.WriteLine("/// <para>The backward pass visits the same steps in reverse order, each applying its op's derivative rule (see the comments above each block).</para>");
        w.WriteLine("/// </remarks>");
    }
}
