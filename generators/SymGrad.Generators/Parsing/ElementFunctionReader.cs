using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Parsing;

/// <summary>
/// Reads the function argument of <c>Map(x, F)</c> and <c>ElementwiseMean(p, t, F)</c>: a method group
/// naming a [Differentiable] function whose first <c>inputs</c> parameters take elements and whose
/// other parameters have default values (constants). Anything else is SG0208.
/// </summary>
internal static class ElementFunctionReader
{
    public static ElementFunction? Read(ExpressionSyntax argument, int inputs, string usage, SemanticModel model,
        DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        string shape = inputs == 1
            ? "taking one element (MyMath.Swish), further parameters only with default values"
            : "taking (prediction, target) elements (MyMath.Huber), further parameters only with default values";
        var info = model.GetSymbolInfo(argument, cancellationToken);
        var method = (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) as IMethodSymbol;
        bool isMethodGroup = argument is IdentifierNameSyntax or MemberAccessExpressionSyntax;
        if (!isMethodGroup || method is null || !FunctionParser.IsDifferentiable(method) || method.Parameters.Length < inputs
            || method.Parameters.Take(inputs).Any(p => p.HasExplicitDefaultValue)
            || method.Parameters.Skip(inputs).Any(p => !p.HasExplicitDefaultValue)
            || !FunctionParser.IsFloatingPoint(method.ReturnType) || method.ContainingType is null)
        {
            string hint = argument is LambdaExpressionSyntax
                ? shape + "; for a lambda, declare it as a [Differentiable] method"
                : shape;
            diagnostics.Add(DiagnosticDescriptors.InvalidElementFunction, argument.GetLocation(), SyntaxText.Quote(argument), usage, hint);
            return null;
        }
        var constants = method.Parameters.Skip(inputs)
            .Select(p => Constants.TryToDouble(new Optional<object?>(p.ExplicitDefaultValue), out double value) ? value : 0.0)
            .ToEquatableArray();
        return new ElementFunction(method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), method.Name,
            method.ReturnType.SpecialType == SpecialType.System_Double, inputs, constants, inputs);
    }
}
