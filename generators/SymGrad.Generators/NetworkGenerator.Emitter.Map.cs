using System.Linq;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter for user functions in a network: Map(x, F) calls F forward and the derivative the
// [Differentiable] pipeline emitted beside F backward; ElementwiseMean(p, t, F) calls F's gradient.
// When F's precision differs from the network's, arguments and results are converted explicitly.
public sealed partial class NetworkGenerator
{
    private static void WriteMapForward(EmitContext c, NodeSpec node)
    {
        var w = c.Writer;
        var f = node.Function;
        if (f is null)
        {
            w.WriteLine("#error SymGrad: a Map node without its function in the spec");
            return;
        }
        w.WriteLine("global::System.ReadOnlySpan<" + c.T + "> x = " + ReadSpan(c, node.Operands[0]) + ";");
        w.WriteLine("global::System.Span<" + c.T + "> y = " + WriteSpan(c, ValueName(node.Id), node.Features) + ";");
        using (EmitBlock(w, "for (int k = 0; k < y.Length; k++)"))
        {
            w.WriteLine("y[k] = " + Result(c, f, FunctionCall(c, f, f.Type + "." + f.Name, "x[k]")) + ";");
        }
    }

    private static void WriteMapBackward(EmitContext c, NodeSpec node)
    {
        var w = c.Writer;
        var f = node.Function;
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        if (f is null || !c.Plan.HasAdjoint(operand))
        {
            w.WriteLine("// (the operand needs no gradient)");
            return;
        }
        w.WriteLine("global::System.ReadOnlySpan<" + c.T + "> x = " + ReadSpan(c, operand) + ";");
        w.WriteLine("global::System.ReadOnlySpan<" + c.T + "> dy = " + ReadArray(c, AdjointName(node.Id), node.Features) + ";");
        w.WriteLine("global::System.Span<" + c.T + "> dx = " + WriteSpan(c, AdjointName(operand), node.Features) + ";");
        string assign = c.Plan.Assigns(node.Id, 0) ? " = " : " += ";
        using (EmitBlock(w, "for (int k = 0; k < dy.Length; k++)"))
        {
            string derivative = Result(c, f, FunctionCall(c, f, f.Type + "." + f.Name + "Derivative", "x[k]"));
            w.WriteLine("dx[k]" + assign + "dy[k] * " + derivative + ";");
        }
    }

    /// <summary>The per-element loss: the mean of F(p, t) over all B x F elements; dY = dF/dp / (B F).</summary>
    private static void WriteElementwiseLoss(EmitContext c, bool withGradient, int features)
    {
        var w = c.Writer;
        var loss = c.Spec.Loss;
        var f = loss.Function;
        string t = c.T;
        if (f is null)
        {
            w.WriteLine("#error SymGrad: an ElementwiseMean loss without its function in the spec");
            w.WriteLine("return default;");
            return;
        }
        string ft = f.IsDouble ? "double" : "float";
        bool gradient = withGradient && c.Plan.HasAdjoint(loss.PredictionNode);
        w.WriteLine("int __sg_count = batch * " + Literals.Int(features) + ";");
        w.WriteLine("double __sg_sum = 0;");
        using (EmitBlock(w, null))
        {
            w.WriteLine("global::System.ReadOnlySpan<" + t + "> p = " + ReadSpan(c, loss.PredictionNode) + ";");
            if (gradient)
            {
                w.WriteLine("global::System.Span<" + t + "> g = " + WriteSpan(c, AdjointName(loss.PredictionNode), features) + ";");
                w.WriteLine(t + " scale = " + (c.Spec.IsDouble ? "1.0" : "1f") + " / __sg_count;");
            }
            using (EmitBlock(w, "for (int k = 0; k < __sg_count; k++)"))
            {
                if (gradient)
                {
                    string call = FunctionCall(c, f, f.Type + "." + f.Name + "Gradient", "p[k]", "targets[k]");
                    w.WriteLine("__sg_sum += " + call.Substring(0, call.Length - 1) + ", out " + ft + " dp, out " + ft + " _);");
                    w.WriteLine("g[k] = " + (ft == t ? "dp" : "(" + t + ")dp") + " * scale;");
                }
                else
                {
                    w.WriteLine("__sg_sum += " + FunctionCall(c, f, f.Type + "." + f.Name, "p[k]", "targets[k]") + ";");
                }
            }
        }
        w.WriteLine(t + " loss = (" + t + ")(__sg_sum / __sg_count);");
        if (withGradient)
        {
            w.WriteLine("__sg_RunBackward(inputs, batch);");
        }
        w.WriteLine("return loss;");
    }

    /// <summary><c>global::Ns.MyMath.F(x[k], 1f)</c>: the elements (converted to F's precision when the network's differs), then F's constants.</summary>
    private static string FunctionCall(EmitContext c, ElementFunction f, string method, params string[] elements)
    {
        bool narrow = c.Spec.IsDouble && !f.IsDouble;
        var arguments = elements.Select(e => narrow ? "(float)" + e : e)
            .Concat(f.Constants.Select(v => Literals.Real(v, f.IsDouble)));
        return method + "(" + string.Join(", ", arguments) + ")";
    }

    /// <summary>F's result in the network's precision.</summary>
    private static string Result(EmitContext c, ElementFunction f, string call) =>
        !c.Spec.IsDouble && f.IsDouble ? "(float)" + call : call;
}
