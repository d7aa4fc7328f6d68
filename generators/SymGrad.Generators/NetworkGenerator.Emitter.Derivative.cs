using System.Collections.Generic;
using System.Linq;
using SymGrad.Generators.Differentiation;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter for [Differentiable] functions: beside F, in the same partial class,
//   one differentiated parameter:   T FDerivative(all parameters)          returns dF/dx;
//   several:                        T FGradient(all parameters, out T dP...) returns F and sets each dF/dP.
// Parameters with default values are constants: passed through, not differentiated. The XML doc
// gives F and each derivative as readable formulas.
public sealed partial class NetworkGenerator
{
    /// <summary>The name of the emitted method for <paramref name="spec"/>.</summary>
    internal static string DerivativeMethodName(FunctionSpec spec) =>
        spec.Name + (spec.Derivatives.Count == 1 ? "Derivative" : "Gradient");

    /// <summary>The out parameter holding dF/d<paramref name="parameter"/>: <c>dPrediction</c>.</summary>
    internal static string OutName(string parameter) =>
        "d" + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);

    internal static string EmitDerivative(FunctionSpec spec)
    {
        var writer = new IndentedWriter();
        WriteFile(writer, spec.Namespace, () => WriteDerivativeClass(writer, spec));
        return writer.ToString();
    }

    private static void WriteDerivativeClass(IndentedWriter w, FunctionSpec spec)
    {
        using (EmitBlock(w, (spec.ClassIsStatic ? "static " : "") + "partial class " + spec.ClassName))
        {
            string t = spec.IsDouble ? "double" : "float";
            var parameters = spec.Parameters;
            var differentiated = parameters.Where(p => p.IsDifferentiable).ToList();
            var reserved = new HashSet<string>(parameters.Select(p => p.Name), System.StringComparer.Ordinal);
            var outNames = differentiated.Select(p => UniqueName(OutName(p.Name), reserved)).ToList();
            bool single = differentiated.Count == 1;

            WriteDerivativeDocumentation(w, spec, differentiated, outNames, t);
            w.WriteLine(GeneratedCodeAttribute);
            string signature = string.Join(", ", parameters.Select(p => t + " " + p.Name))
                + (single ? "" : ", " + string.Join(", ", outNames.Select(o => "out " + t + " " + o)));
            using (EmitBlock(w, spec.Accessibility + " static " + t + " " + DerivativeMethodName(spec) + "(" + signature + ")"))
            {
                var outputs = new List<Expr>(spec.Derivatives);
                if (!single)
                {
                    outputs.Add(spec.Value);
                }
                var printed = CSharpPrinter.Print(outputs, spec.IsDouble, reserved,
                    spec.Locals.Select(l => (l.Name, l.Value)).ToList());
                foreach (var (name, value) in printed.Locals)
                {
                    w.WriteLine(t + " " + name + " = " + value + ";");
                }
                if (single)
                {
                    w.WriteLine("return " + printed.Outputs[0] + ";");
                    return;
                }
                for (int i = 0; i < outNames.Count; i++)
                {
                    w.WriteLine(outNames[i] + " = " + printed.Outputs[i] + ";");
                }
                w.WriteLine("return " + printed.Outputs[outNames.Count] + ";");
            }
        }
    }

    private static void WriteDerivativeDocumentation(IndentedWriter w, FunctionSpec spec, List<FunctionParameter> differentiated, List<string> outNames, string t)
    {
        string call = spec.Name + "(" + string.Join(", ", spec.Parameters.Select(p => p.Name)) + ")";
        string cref = spec.Name + "(" + string.Join(", ", spec.Parameters.Select(_ => t)) + ")";
        bool single = differentiated.Count == 1;
        w.WriteLine("/// <summary>");
        w.WriteLine(single
            ? "/// The derivative of <see cref=\"" + cref + "\"/> with respect to <paramref name=\"" + differentiated[0].Name + "\"/>, derived symbolically and simplified by SymGrad at compile time."
            : "/// The value and the partial derivatives of <see cref=\"" + cref + "\"/>, derived symbolically and simplified by SymGrad at compile time.");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// <para><c>" + Literals.Xml(call + " = " + FormulaPrinter.Print(spec.Value, spec.IsDouble)) + "</c></para>");
        for (int i = 0; i < differentiated.Count; i++)
        {
            string d = single ? "d/d" : "∂/∂";
            w.WriteLine("/// <para><c>" + Literals.Xml(d + differentiated[i].Name + " " + call + " = " + FormulaPrinter.Print(spec.Derivatives[i], spec.IsDouble)) + "</c></para>");
        }
        var constants = spec.Parameters.Where(p => !p.IsDifferentiable).Select(p => p.Name).ToList();
        if (constants.Count > 0)
        {
            w.WriteLine("/// <para>Not differentiated (parameters with default values are constants): " + Literals.Xml(string.Join(", ", constants)) + ".</para>");
        }
        w.WriteLine("/// <para>Subexpressions used more than once are computed once, in locals. At a kink the derivative is that of the piece the");
        w.WriteLine("/// function evaluates there: the branch a condition selects, the right derivative of |u| at 0, the first argument of Max/Min at a tie.</para>");
        w.WriteLine("/// </remarks>");
        foreach (var parameter in spec.Parameters)
        {
            w.WriteLine("/// <param name=\"" + parameter.Name + "\">The argument <c>" + parameter.Name + "</c> of " + Literals.Xml(spec.Name) + ".</param>");
        }
        for (int i = 0; i < outNames.Count && !single; i++)
        {
            w.WriteLine("/// <param name=\"" + outNames[i] + "\">∂" + Literals.Xml(spec.Name) + "/∂" + differentiated[i].Name + ".</param>");
        }
        w.WriteLine(single
            ? "/// <returns>d" + Literals.Xml(spec.Name) + "/d" + differentiated[0].Name + ".</returns>"
            : "/// <returns>The value " + Literals.Xml(call) + ".</returns>");
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        while (!taken.Add(name))
        {
            name += "_";
        }
        return name;
    }
}
