using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Generators.Parsing;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The per-element [Loss]: ElementwiseMean(prediction, target, MyMath.Huber).
public sealed partial class NetworkGenerator
{
    /// <summary>
    /// True when <paramref name="expression"/> calls ElementwiseMean; <paramref name="result"/> is then
    /// the loss, or null after a diagnostic (SG0015 for the operands, SG0208 for the function).
    /// </summary>
    private static bool TryParseElementwiseLoss(ExpressionSyntax? expression, MethodDeclarationSyntax method, SemanticModel model,
        DiagnosticList diagnostics, CancellationToken cancellationToken, out (LossKind Kind, int Line, string Source, ElementFunction? Function)? result)
    {
        result = null;
        if (expression is not InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } invocation
            || name.Identifier.ValueText != OpCatalog.LossName(LossKind.ElementwiseMean))
        {
            return false;
        }
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != 3 || !IsParameterPair(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { arguments[0], arguments[1] })), method.ParameterList))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidLoss, invocation.GetLocation(), LossNames() + ", ElementwiseMean(prediction, target, F)", SyntaxText.Quote(invocation));
            return true;
        }
        var function = ElementFunctionReader.Read(arguments[2].Expression, 2, "ElementwiseMean", model, diagnostics, cancellationToken);
        if (function is not null)
        {
            result = (LossKind.ElementwiseMean, SyntaxText.Line(invocation), SyntaxText.Quote(invocation), function);
        }
        return true;
    }
}
