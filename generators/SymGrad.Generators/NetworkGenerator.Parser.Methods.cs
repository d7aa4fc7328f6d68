using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Generators.Parsing;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The [Forward] and [Loss] methods: finding them, their signatures, and the [Loss] body.
public sealed partial class NetworkGenerator
{
    private const string ForwardAttributeName = "SymGrad.ForwardAttribute";
    private const string LossAttributeName = "SymGrad.LossAttribute";
    private const string TensorTypeName = "global::SymGrad.Tensor";

    /// <summary>
    /// The one method marked with <paramref name="attributeName"/>: <paramref name="missing"/> at the
    /// class identifier when there is none, <paramref name="duplicate"/> at the second one's identifier.
    /// </summary>
    private static (MethodDeclarationSyntax Syntax, IMethodSymbol Symbol)? FindMarkedMethod(ClassDeclarationSyntax declaration,
        SemanticModel model, string attributeName, DiagnosticDescriptor missing, DiagnosticDescriptor duplicate,
        DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        (MethodDeclarationSyntax Syntax, IMethodSymbol Symbol)? found = null;
        foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (model.GetDeclaredSymbol(method, cancellationToken) is not IMethodSymbol symbol
                || !symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::" + attributeName))
            {
                continue;
            }
            if (found is null)
            {
                found = (method, symbol);
            }
            else
            {
                diagnostics.Add(duplicate, method.Identifier.GetLocation(), declaration.Identifier.ValueText);
                return null; // the second is reported; further ones would repeat it
            }
        }
        if (found is null)
        {
            diagnostics.Add(missing, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText);
        }
        return found;
    }

    /// <summary>SG0011 unless the method returns Tensor and takes <paramref name="tensorParameters"/> plain Tensor parameters.</summary>
    private static bool CheckSignature((MethodDeclarationSyntax Syntax, IMethodSymbol Symbol) method, int tensorParameters,
        string kind, string expected, DiagnosticList diagnostics)
    {
        var symbol = method.Symbol;
        bool valid = IsTensorType(symbol.ReturnType) && symbol.TypeParameters.Length == 0
            && symbol.Parameters.Length == tensorParameters
            && symbol.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && IsTensorType(p.Type))
            && method.Syntax.ParameterList.Parameters.Count == tensorParameters;
        if (!valid)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidSignature, method.Syntax.Identifier.GetLocation(), kind,
                method.Syntax.Identifier.ValueText, expected);
        }
        return valid;
    }

    private static bool IsTensorType(ITypeSymbol type) =>
        type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TensorTypeName;

    /// <summary>
    /// The [Loss] body: <c>=&gt; Loss(p, t)</c> or <c>{ return Loss(p, t); }</c>, with a catalog loss
    /// applied to the prediction and target parameters in that order; anything else is SG0015.
    /// </summary>
    private static (LossKind Kind, int Line, string Source, ElementFunction? Function)? ParseLoss(MethodDeclarationSyntax method, SemanticModel model,
        DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var expression = method.ExpressionBody?.Expression
            ?? (method.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax ret ? ret.Expression : null);
        SyntaxNode offending = (SyntaxNode?)expression ?? (SyntaxNode?)method.Body ?? method;
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }
        if (TryParseElementwiseLoss(expression, method, model, diagnostics, cancellationToken, out var elementwise))
        {
            return elementwise;
        }
        if (expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } invocation
            && OpCatalog.FindLoss(name.Identifier.ValueText) is LossKind kind
            && IsParameterPair(invocation.ArgumentList, method.ParameterList))
        {
            return (kind, SyntaxText.Line(invocation), SyntaxText.Quote(invocation), null);
        }
        var location = offending == method ? method.Identifier.GetLocation() : offending.GetLocation();
        diagnostics.Add(DiagnosticDescriptors.InvalidLoss, location, LossNames(), SyntaxText.Quote(offending));
        return null;
    }

    /// <summary>Exactly (prediction, target): the two parameters, in order, not swapped by named arguments.</summary>
    private static bool IsParameterPair(ArgumentListSyntax arguments, ParameterListSyntax parameters)
    {
        if (arguments.Arguments.Count != 2 || parameters.Parameters.Count != 2)
        {
            return false;
        }
        for (int i = 0; i < 2; i++)
        {
            var argument = arguments.Arguments[i];
            var value = argument.Expression;
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }
            bool namedInWrongSlot = argument.NameColon is { } named && (named.Name.Identifier.ValueText == "target") != (i == 1);
            if (namedInWrongSlot || value is not IdentifierNameSyntax identifier
                || identifier.Identifier.ValueText != parameters.Parameters[i].Identifier.ValueText)
            {
                return false;
            }
        }
        return true;
    }

    private static string LossNames() =>
        string.Join(", ", new[] { LossKind.MeanSquaredError, LossKind.SoftmaxCrossEntropy, LossKind.BinaryCrossEntropyWithLogits }
            .Select(OpCatalog.LossName));
}
