using SymGrad.Generators.Differentiation;

namespace SymGrad.Generators.Model;

/// <summary>
/// A [Differentiable] function, frozen at the parser boundary: its signature, its body as an
/// expression (calls of other [Differentiable] functions inlined), and its simplified partial
/// derivatives. Value equality throughout, so an unrelated edit regenerates nothing.
/// </summary>
/// <param name="Namespace">Containing namespace, or empty.</param>
/// <param name="ClassName">The containing partial class.</param>
/// <param name="ClassIsStatic">Whether that class is static (the generated part repeats the modifier).</param>
/// <param name="Name">The function's name.</param>
/// <param name="Accessibility">The function's accessibility keywords; the derivative gets the same.</param>
/// <param name="IsDouble">double parameters and result (else float).</param>
/// <param name="Parameters">All parameters in order.</param>
/// <param name="Value">The body.</param>
/// <param name="Derivatives">d Value / d parameter, for each differentiable parameter in order.</param>
/// <param name="Locals">The user's locals and their values, so that hoisted subexpressions keep the user's names.</param>
/// <param name="SourceFile">File name of the declaration, for the docs.</param>
/// <param name="Line">1-based line of the declaration.</param>
internal sealed record FunctionSpec(
    string Namespace,
    string ClassName,
    bool ClassIsStatic,
    string Name,
    string Accessibility,
    bool IsDouble,
    EquatableArray<FunctionParameter> Parameters,
    Expr Value,
    EquatableArray<Expr> Derivatives,
    EquatableArray<FunctionLocal> Locals,
    string SourceFile,
    int Line)
{
    /// <summary>Hint name: <c>Namespace.Class.Name(float).g.cs</c> (the parameter type tells overloads apart).</summary>
    public string HintName => (Namespace.Length == 0 ? "" : Namespace + ".") + ClassName + "." + Name + "("
        + Parameters.Count + (IsDouble ? "d" : "f") + ").g.cs";
}

/// <summary>A parameter: differentiated unless it has a default value (then it is a constant such as Huber's delta).</summary>
internal sealed record FunctionParameter(string Name, bool IsDifferentiable);

/// <summary>A local of the function body and its value.</summary>
internal sealed record FunctionLocal(string Name, Expr Value);

/// <summary>What the parser makes of one [Differentiable] method.</summary>
internal sealed record FunctionParseResult(FunctionSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
