using System.Collections.Generic;
using System.Text;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, unrolled dense layers: one scalar statement per multiply, so that a reader sees the chain rule.
// Written for the JIT as much as for the reader: the layer's slice of the flat buffers and each sample's row
// are spans of constant length (so constant indices need no bounds checks), and each sample's inputs and
// incoming gradients are read once into locals that the register allocator keeps, rather than re-indexed
// in every term.
public sealed partial class NetworkGenerator
{
    /// <summary>Statements (or declarations) per line in unrolled blocks.</summary>
    private const int StatementsPerLine = 8;

    private static void WriteUnrolledLinearForward(EmitContext c, LayerSpec layer, int operand, int node)
    {
        var w = c.Writer;
        string t = c.T;
        string inputs = Literals.Int(layer.Inputs), outputs = Literals.Int(layer.Outputs);
        WriteLayerSlice(c, layer, "w", "__sg_parameters", readOnly: true);
        w.WriteLine("global::System.ReadOnlySpan<" + t + "> x = " + ReadSpan(c, operand) + ";");
        w.WriteLine("global::System.Span<" + t + "> z = " + WriteSpan(c, ValueName(node), layer.Outputs) + ";");
        using (EmitBlock(w, "for (int b = 0; b < batch; b++)"))
        {
            w.WriteLine("global::System.ReadOnlySpan<" + t + "> xb = x.Slice(b * " + inputs + ", " + inputs + ");");
            w.WriteLine("global::System.Span<" + t + "> zb = z.Slice(b * " + outputs + ", " + outputs + ");");
            WriteRowLocals(c, "x", "xb", layer.Inputs);
            for (int output = 0; output < layer.Outputs; output++)
            {
                var terms = new List<string> { "w[" + Literals.Int(layer.WeightCount + output) + "]" };
                for (int input = 0; input < layer.Inputs; input++)
                {
                    terms.Add("w[" + Literals.Int(output * layer.Inputs + input) + "] * x" + Literals.Int(input));
                }
                WriteSum(w, "zb[" + Literals.Int(output) + "] = ", terms);
            }
        }
    }

    private static void WriteUnrolledLinearBackward(EmitContext c, LayerSpec layer, int operand, int node, bool inputGradient, bool assigns)
    {
        var w = c.Writer;
        string t = c.T;
        string inputs = Literals.Int(layer.Inputs), outputs = Literals.Int(layer.Outputs);
        w.WriteLine("global::System.ReadOnlySpan<" + t + "> x = " + ReadSpan(c, operand) + ";");
        w.WriteLine("global::System.ReadOnlySpan<" + t + "> dz = " + ReadArray(c, AdjointName(node), layer.Outputs) + ";");
        WriteLayerSlice(c, layer, "g", "__sg_gradients", readOnly: false);
        if (inputGradient)
        {
            WriteLayerSlice(c, layer, "w", "__sg_parameters", readOnly: true);
            w.WriteLine("global::System.Span<" + t + "> dx = " + WriteSpan(c, AdjointName(operand), layer.Inputs) + ";");
        }
        else
        {
            w.WriteLine("// dX skipped: " + (operand == 0 || IsInput(c, operand) ? "the network input" : "the operand") + " needs no gradient.");
        }
        using (EmitBlock(w, "for (int b = 0; b < batch; b++)"))
        {
            w.WriteLine("global::System.ReadOnlySpan<" + t + "> xb = x.Slice(b * " + inputs + ", " + inputs + ");");
            w.WriteLine("global::System.ReadOnlySpan<" + t + "> dzb = dz.Slice(b * " + outputs + ", " + outputs + ");");
            WriteRowLocals(c, "x", "xb", layer.Inputs);
            WriteRowLocals(c, "d", "dzb", layer.Outputs);
            w.WriteLine("// dW[o, i] += dZ[o] * X[i], at g[o * " + inputs + " + i]; db[o] += dZ[o], at g[" + Literals.Int(layer.WeightCount) + " + o]");
            for (int output = 0; output < layer.Outputs; output++)
            {
                var statements = new List<string>();
                for (int input = 0; input < layer.Inputs; input++)
                {
                    statements.Add("g[" + Literals.Int(output * layer.Inputs + input) + "] += d" + Literals.Int(output) + " * x" + Literals.Int(input) + ";");
                }
                WriteStatements(w, statements);
            }
            var biasStatements = new List<string>();
            for (int output = 0; output < layer.Outputs; output++)
            {
                biasStatements.Add("g[" + Literals.Int(layer.WeightCount + output) + "] += d" + Literals.Int(output) + ";");
            }
            WriteStatements(w, biasStatements);
            if (!inputGradient)
            {
                return;
            }
            w.WriteLine("global::System.Span<" + t + "> dxb = dx.Slice(b * " + inputs + ", " + inputs + ");");
            w.WriteLine("// dX[i] " + (assigns ? "=" : "+=") + " sum over o of dZ[o] * W[o, i]");
            for (int input = 0; input < layer.Inputs; input++)
            {
                var terms = new List<string>();
                for (int output = 0; output < layer.Outputs; output++)
                {
                    terms.Add("d" + Literals.Int(output) + " * w[" + Literals.Int(output * layer.Inputs + input) + "]");
                }
                WriteSum(w, "dxb[" + Literals.Int(input) + "]" + (assigns ? " = " : " += "), terms);
            }
        }
    }

    /// <summary>
    /// Marks the forward and backward passes for full optimization from their first call. Tiered compilation
    /// would otherwise run them as unoptimized code (tens of kilobytes of it for an unrolled 16 x 16 layer) until
    /// a background recompilation lands (later still on a busy machine); these methods are
    /// hot from the first step, and dynamic PGO has nothing to learn from straight-line code.
    /// </summary>
    private static void WriteFullyOptimized(IndentedWriter w) =>
        w.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");

    /// <summary>The layer's weights then bias, as a span of constant length over one flat buffer.</summary>
    private static void WriteLayerSlice(EmitContext c, LayerSpec layer, string name, string array, bool readOnly)
    {
        c.Writer.WriteLine("// " + layer.Name + ": W [" + Literals.Int(layer.Outputs) + ", " + Literals.Int(layer.Inputs) + "] row-major at "
            + name + "[o * " + Literals.Int(layer.Inputs) + " + i], then the bias at " + name + "[" + Literals.Int(layer.WeightCount) + " + o]");
        string span = readOnly ? "global::System.ReadOnlySpan<" : "global::System.Span<";
        c.Writer.WriteLine(span + c.T + "> " + name + " = new " + span + c.T + ">(" + array + ", " + Literals.Int(layer.Offset) + ", "
            + Literals.Int(layer.WeightCount + layer.Outputs) + ");");
    }

    /// <summary><c>T x0 = xb[0], x1 = xb[1], ...;</c>, a few per line.</summary>
    private static void WriteRowLocals(EmitContext c, string prefix, string row, int count)
    {
        var line = new StringBuilder();
        for (int k = 0; k < count; k++)
        {
            line.Append(k % StatementsPerLine == 0 ? c.T + " " : ", ");
            line.Append(prefix).Append(Literals.Int(k)).Append(" = ").Append(row).Append('[').Append(Literals.Int(k)).Append(']');
            if (k % StatementsPerLine == StatementsPerLine - 1 || k == count - 1)
            {
                c.Writer.WriteLine(line.Append(';').ToString());
                line.Clear();
            }
        }
    }

    private static void WriteStatements(IndentedWriter w, List<string> statements)
    {
        for (int k = 0; k < statements.Count; k += StatementsPerLine)
        {
            w.WriteLine(string.Join(" ", statements.GetRange(k, System.Math.Min(StatementsPerLine, statements.Count - k))));
        }
    }
}
