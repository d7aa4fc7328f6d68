using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Differentiation;

namespace SymGrad.Generators.Parsing;

// The expressions of a [Differentiable] body. Each returns its Expr, or null after an error.
internal sealed partial class FunctionParser
{
    /// <summary>The Math/MathF methods with a known derivative, by name, with their argument count.</summary>
    private static readonly Dictionary<string, int> s_mathArity = new(StringComparer.Ordinal)
    {
        ["Exp"] = 1, ["Log"] = 1, ["Log2"] = 1, ["Log10"] = 1, ["Sqrt"] = 1, ["Cbrt"] = 1, ["Tanh"] = 1, ["Sinh"] = 1,
        ["Cosh"] = 1, ["Sin"] = 1, ["Cos"] = 1, ["Tan"] = 1, ["Atan"] = 1, ["Abs"] = 1, ["Pow"] = 2, ["Max"] = 2, ["Min"] = 2, ["Clamp"] = 3,
    };

    /// <summary>What SG0204 lists.</summary>
    internal static string SupportedMath => string.Join(", ", s_mathArity.Keys);

    private const string SupportedExpressions =
        "use + - * /, unary -, numeric literals and constants, parameters and locals, Math/MathF functions, c ? a : b, and [Differentiable] functions";

    private Expr? Evaluate(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            return Evaluate(parenthesized.Expression);
        }
        if (IsIntegerArithmetic(expression, out string type))
        {
            Error(DiagnosticDescriptors.IntegerArithmetic, expression.GetLocation(), SyntaxText.Quote(expression), type);
            return null;
        }
        if (expression is not IdentifierNameSyntax { } name || !_scope.ContainsKey(name.Identifier.ValueText))
        {
            if (Constants.TryToDouble(_model.GetConstantValue(expression, _cancellationToken), out double value))
            {
                return new Constant(value);
            }
        }
        switch (expression)
        {
            case IdentifierNameSyntax identifier when _scope.TryGetValue(identifier.Identifier.ValueText, out var bound):
                return bound;
            case CastExpressionSyntax cast when IsFloatingPoint(_model.GetTypeInfo(cast.Type, _cancellationToken).Type):
                return Evaluate(cast.Expression);
            case BinaryExpressionSyntax binary when ArithmeticOp(binary.Kind()) is BinaryOp op:
                return Evaluate(binary.Left) is Expr left && Evaluate(binary.Right) is Expr right ? new Binary(op, left, right) : null;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Evaluate(unary.Operand) is Expr operand ? new Negate(operand) : null;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                return Evaluate(unary.Operand);
            case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } increment when _parameters.Contains(target.Identifier.ValueText):
                Error(DiagnosticDescriptors.ParameterAssignment, increment.GetLocation(), SyntaxText.Quote(increment), target.Identifier.ValueText);
                return null;
            case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } increment when _parameters.Contains(target.Identifier.ValueText):
                Error(DiagnosticDescriptors.ParameterAssignment, increment.GetLocation(), SyntaxText.Quote(increment), target.Identifier.ValueText);
                return null;
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when _parameters.Contains(target.Identifier.ValueText):
                Error(DiagnosticDescriptors.ParameterAssignment, assignment.GetLocation(), SyntaxText.Quote(assignment), target.Identifier.ValueText);
                return null;
            case ConditionalExpressionSyntax conditional:
                return Conditional(conditional);
            case InvocationExpressionSyntax invocation:
                return Invoke(invocation);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                Unsupported(expression, "non-constant member", "only parameters, locals and compile-time constants are values here");
                return null;
            default:
                Unsupported(expression, SyntaxText.KindName(expression), SupportedExpressions);
                return null;
        }
    }

    private Expr? Conditional(ConditionalExpressionSyntax conditional)
    {
        var condition = conditional.Condition;
        while (condition is ParenthesizedExpressionSyntax parenthesized)
        {
            condition = parenthesized.Expression;
        }
        if (condition is not BinaryExpressionSyntax comparison || ComparisonOp(comparison.Kind()) is not Comparison op)
        {
            Unsupported(conditional.Condition, "condition", "a piecewise condition is one comparison of two values (a < b, a >= b, ...)");
            return null;
        }
        var left = Evaluate(comparison.Left);
        var right = Evaluate(comparison.Right);
        var whenTrue = Evaluate(conditional.WhenTrue);
        var whenFalse = Evaluate(conditional.WhenFalse);
        if (left is null || right is null || whenTrue is null || whenFalse is null)
        {
            return null;
        }
        bool trueAtBoundary = op is Comparison.LessOrEqual or Comparison.GreaterOrEqual or Comparison.Equal;
        Kink(conditional, SyntaxText.Quote(comparison.Left) + " = " + SyntaxText.Quote(comparison.Right),
            "that of the branch the condition selects there, '" + SyntaxText.Quote(trueAtBoundary ? conditional.WhenTrue : conditional.WhenFalse) + "'");
        return new Conditional(new Condition(op, left, right), whenTrue, whenFalse);
    }

    private Expr? Invoke(InvocationExpressionSyntax invocation)
    {
        var info = _model.GetSymbolInfo(invocation, _cancellationToken);
        if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol method)
        {
            Error(DiagnosticDescriptors.NoKnownDerivative, invocation.GetLocation(), SyntaxText.Quote(invocation.Expression), SupportedMath);
            return null;
        }
        if (IsDifferentiable(method))
        {
            return Inline(invocation, method);
        }
        string container = method.ContainingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "";
        var arguments = invocation.ArgumentList.Arguments;
        if ((container == "global::System.Math" || container == "global::System.MathF")
            && s_mathArity.TryGetValue(method.Name, out int arity) && arity == arguments.Count && arguments.All(a => a.NameColon is null)
            && method.Parameters.All(p => IsFloatingPoint(p.Type)))
        {
            var values = new List<Expr>();
            foreach (var argument in arguments)
            {
                if (Evaluate(argument.Expression) is not Expr value)
                {
                    return null;
                }
                values.Add(value);
            }
            return MathCall(invocation, method.Name, values);
        }
        Error(DiagnosticDescriptors.NoKnownDerivative, invocation.GetLocation(), SyntaxText.Quote(invocation.Expression), SupportedMath);
        return null;
    }

    private Expr MathCall(InvocationExpressionSyntax invocation, string name, List<Expr> a)
    {
        string text = SyntaxText.Quote(invocation);
        switch (name)
        {
            case "Pow":
                return new Binary(BinaryOp.Pow, a[0], a[1]);
            case "Max":
                Kink(invocation, "a tie of its arguments", "the derivative of the first argument");
                return new Binary(BinaryOp.Max, a[0], a[1]);
            case "Min":
                Kink(invocation, "a tie of its arguments", "the derivative of the first argument");
                return new Binary(BinaryOp.Min, a[0], a[1]);
            case "Clamp":
                Kink(invocation, "its bounds", "the derivative of the clamped value (the inside piece)");
                return new Clamp(a[0], a[1], a[2]);
            case "Abs":
                Kink(invocation, SyntaxText.Quote(invocation.ArgumentList.Arguments[0]) + " = 0", "the right derivative (+1 times the argument's derivative)");
                return new Call(Function.Abs, a[0]);
            default:
                return new Call((Function)Enum.Parse(typeof(Function), name), a[0]);
        }
    }

    /// <summary>A call of another [Differentiable] function: its body, with its parameters bound to the arguments.</summary>
    private Expr? Inline(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var target = method.OriginalDefinition;
        if (_callStack.Any(m => SymbolEqualityComparer.Default.Equals(m, target)))
        {
            Error(DiagnosticDescriptors.Recursion, invocation.GetLocation(), _callStack[_callStack.Count - 1].Name, target.Name);
            return null;
        }
        var arguments = new Expr?[target.Parameters.Length];
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            int index = argument.NameColon is { } named
                ? target.Parameters.IndexOf(target.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)!)
                : invocation.ArgumentList.Arguments.IndexOf(argument);
            if (index < 0 || index >= arguments.Length || Evaluate(argument.Expression) is not Expr value)
            {
                if (!Failed)
                {
                    Unsupported(argument, "argument", "pass each parameter once, by position or by name");
                }
                return null;
            }
            arguments[index] = value;
        }
        for (int i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is null && target.Parameters[i].HasExplicitDefaultValue
                && Constants.TryToDouble(new Optional<object?>(target.Parameters[i].ExplicitDefaultValue), out double fallback))
            {
                arguments[i] = new Constant(fallback);
            }
        }
        var syntax = target.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (syntax is null || arguments.Any(a => a is null))
        {
            Error(DiagnosticDescriptors.NoKnownDerivative, invocation.GetLocation(), SyntaxText.Quote(invocation.Expression), SupportedMath);
            return null;
        }
        var model = syntax.SyntaxTree == _model.SyntaxTree ? _model : _model.Compilation.GetSemanticModel(syntax.SyntaxTree);
        // The callee reports its own problems through its own pipeline item; here one error at the call suffices.
        var calleeDiagnostics = new DiagnosticList();
        var body = ParseBody(syntax, target, arguments!, model, calleeDiagnostics, _callStack, reportKinks: false, out _, _cancellationToken);
        if (body is null)
        {
            bool recursion = calleeDiagnostics.ToEquatableArray().Any(d => d.Id == DiagnosticDescriptors.Recursion.Id);
            if (recursion)
            {
                Error(DiagnosticDescriptors.Recursion, invocation.GetLocation(), _callStack[_callStack.Count - 1].Name, target.Name);
            }
            else
            {
                Error(DiagnosticDescriptors.UnsupportedDifferentiableConstruct, invocation.GetLocation(), "Call", SyntaxText.Quote(invocation),
                    "'" + target.Name + "' cannot be differentiated (see its own diagnostics)");
            }
        }
        return body;
    }

    private void Kink(SyntaxNode node, string where, string rule)
    {
        if (_reportKinks)
        {
            _diagnostics.Add(DiagnosticDescriptors.Kink, node.GetLocation(), SyntaxText.Quote(node), where, rule);
        }
    }

    internal static bool IsDifferentiable(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::" + DifferentiableAttributeName);

    private bool IsIntegerArithmetic(ExpressionSyntax expression, out string type)
    {
        type = "";
        // Binary arithmetic and increments; a negated integer literal (-1) is only a constant.
        if (expression is not (BinaryExpressionSyntax or PostfixUnaryExpressionSyntax)
            && expression is not PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression })
        {
            return false;
        }
        var actual = _model.GetTypeInfo(expression, _cancellationToken).Type;
        if (actual is null || IsFloatingPoint(actual) || actual.SpecialType == SpecialType.System_Boolean)
        {
            return false;
        }
        type = actual.ToDisplayString();
        return actual.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64 or SpecialType.System_Decimal;
    }

    internal static bool IsFloatingPoint(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    private static BinaryOp? ArithmeticOp(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AddExpression => BinaryOp.Add,
        SyntaxKind.SubtractExpression => BinaryOp.Subtract,
        SyntaxKind.MultiplyExpression => BinaryOp.Multiply,
        SyntaxKind.DivideExpression => BinaryOp.Divide,
        _ => null,
    };

    private static Comparison? ComparisonOp(SyntaxKind kind) => kind switch
    {
        SyntaxKind.LessThanExpression => Comparison.Less,
        SyntaxKind.LessThanOrEqualExpression => Comparison.LessOrEqual,
        SyntaxKind.GreaterThanExpression => Comparison.Greater,
        SyntaxKind.GreaterThanOrEqualExpression => Comparison.GreaterOrEqual,
        SyntaxKind.EqualsExpression => Comparison.Equal,
        SyntaxKind.NotEqualsExpression => Comparison.NotEqual,
        _ => null,
    };
}
