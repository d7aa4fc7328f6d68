using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, sequence part: Slice (a time step of the input, a gate block of a cell) and Zeros
// (an initial state). A recurrent cell needs nothing else: the parser expands it into ordinary nodes.
public sealed partial class NetworkGenerator
{
    private static void WriteSliceForward(EmitContext c, NodeSpec node, int operand)
    {
        c.Writer.WriteLine("global::SymGrad.Kernels.Elementwise.CopyColumns<" + c.T + ">(" + ReadSpan(c, operand) + ", " + Literals.Int(c.FeaturesOf(operand)) + ", "
            + c.SliceStart(node) + ", " + WriteSpan(c, ValueName(node.Id), node.Features) + ", " + Literals.Int(node.Features) + ", batch);");
    }

    private static void WriteZerosForward(EmitContext c, NodeSpec node) =>
        c.Writer.WriteLine(WriteSpan(c, ValueName(node.Id), node.Features) + ".Clear();");

    /// <summary>dX[:, start : start + width] += dY; the operand's adjoint was cleared by the prologue.</summary>
    private static void WriteSliceBackward(EmitContext c, NodeSpec node)
    {
        var w = c.Writer;
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        if (!c.Plan.HasAdjoint(operand))
        {
            w.WriteLine("// (the operand needs no gradient)");
            return;
        }
        w.WriteLine("global::SymGrad.Kernels.Elementwise.AddToColumns<" + c.T + ">(" + ReadArray(c, AdjointName(node.Id), node.Features) + ", "
            + WriteSpan(c, AdjointName(operand), c.FeaturesOf(operand)) + ", " + Literals.Int(c.FeaturesOf(operand)) + ", " + c.SliceStart(node) + ", "
            + Literals.Int(node.Features) + ", batch);");
    }

    /// <summary>Clears the adjoints that slices add into (GraphPlan.ClearedAdjoints).</summary>
    private static void WriteClearedAdjoints(EmitContext c)
    {
        if (c.Plan.ClearedAdjoints.Count == 0)
        {
            return;
        }
        var w = c.Writer;
        w.WriteLine("// Adjoints that slices add into, a block of columns each: cleared first.");
        foreach (int node in c.Plan.ClearedAdjoints)
        {
            w.WriteLine(WriteSpan(c, AdjointName(node), c.FeaturesOf(node)) + ".Clear();");
        }
        w.WriteLine();
    }

    /// <summary>The class-remarks line of a recurrent cell's dense part (InputHidden: W_ih, b_ih; HiddenHidden: W_hh, b_hh).</summary>
    private static string DescribeCellPart(LayerSpec layer)
    {
        int bias = layer.Offset + layer.WeightCount;
        string which = layer.Name.EndsWith(".InputHidden", System.StringComparison.Ordinal) ? "W_ih and b_ih" : "W_hh and b_hh";
        return layer.Name + " (line " + Literals.Int(layer.Line) + "): dense " + Literals.Int(layer.Inputs) + " -> " + Literals.Int(layer.Outputs) + ", " + which
            + " of " + layer.Owner + " (gate blocks in PyTorch's order), weights at [" + Literals.Int(layer.Offset) + ", " + Literals.Int(bias) + "), bias at ["
            + Literals.Int(bias) + ", " + Literals.Int(bias + layer.Outputs) + "), all initially uniform in +-1/sqrt(hidden).";
    }

    /// <summary>The class-remarks line of a recurrent cell field.</summary>
    private static string DescribeCell(LayerSpec layer)
    {
        string equations = layer.Kind switch
        {
            LayerKind.Rnn => "h' = tanh(W_ih x + b_ih + W_hh h + b_hh)",
            LayerKind.Gru => "gates r, z, n; h' = (1 - z) n + z h with n = tanh(W_in x + b_in + r (W_hn h + b_hn))",
            _ => "gates i, f, g, o; c' = f c + i g; h' = o tanh(c')",
        };
        return layer.Name + " (line " + Literals.Int(layer.Line) + "): " + layer.Kind.ToString().ToUpperInvariant() + " cell, " + Literals.Int(layer.Inputs)
            + " inputs, " + Literals.Int(layer.Outputs) + " hidden (" + equations + "), expanded at each Step call; its parameters are the dense parts "
            + layer.Name + ".InputHidden and " + layer.Name + ".HiddenHidden below.";
    }
}
