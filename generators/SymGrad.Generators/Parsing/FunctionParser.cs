using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Differentiation;

namespace SymGrad.Generators.Parsing;

/// <summary>
/// Turns the body of a [Differentiable] function into an <see cref="Expr"/>: locals are substituted
/// (and remembered for naming), calls of other [Differentiable] functions are inlined with their
/// arguments (the chain rule then runs through them), and every construct without a derivative
/// gets a diagnostic naming it. The statements are here; the expressions in FunctionParser.Expressions.cs.
/// </summary>
internal sealed partial class FunctionParser
{
    public const string DifferentiableAttributeName = "SymGrad.DifferentiableAttribute";

    private readonly SemanticModel _model;
    private readonly DiagnosticList _diagnostics;
    private readonly CancellationToken _cancellationToken;
    /// <summary>Functions being inlined, outermost first: a repeat is recursion.</summary>
    private readonly List<IMethodSymbol> _callStack;
    /// <summary>Whether kinks are reported (only for the function's own body, not for inlined callees).</summary>
    private readonly bool _reportKinks;
    private readonly Dictionary<string, Expr> _scope = new(StringComparer.Ordinal);
    private readonly HashSet<string> _parameters = new(StringComparer.Ordinal);

    private FunctionParser(SemanticModel model, DiagnosticList diagnostics, List<IMethodSymbol> callStack, bool reportKinks, CancellationToken cancellationToken)
    {
        _model = model;
        _diagnostics = diagnostics;
        _callStack = callStack;
        _reportKinks = reportKinks;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether an error (not an info) was reported.</summary>
    public bool Failed { get; private set; }

    /// <summary>The user's locals, in declaration order, with their values.</summary>
    public List<(string Name, Expr Value)> Locals { get; } = new();

    /// <summary>
    /// Parses <paramref name="method"/>'s body with its parameters bound to <paramref name="arguments"/>.
    /// Returns null after an error.
    /// </summary>
    public static Expr? ParseBody(MethodDeclarationSyntax method, IMethodSymbol symbol, IReadOnlyList<Expr> arguments, SemanticModel model,
        DiagnosticList diagnostics, List<IMethodSymbol> callStack, bool reportKinks, out List<(string Name, Expr Value)> locals, CancellationToken cancellationToken)
    {
        var parser = new FunctionParser(model, diagnostics, callStack, reportKinks, cancellationToken);
        for (int i = 0; i < symbol.Parameters.Length && i < arguments.Count; i++)
        {
            parser._scope[symbol.Parameters[i].Name] = arguments[i];
            parser._parameters.Add(symbol.Parameters[i].Name);
        }
        callStack.Add(symbol);
        Expr? body = null;
        try
        {
            if (method.ExpressionBody is { } arrow)
            {
                body = parser.Evaluate(arrow.Expression);
            }
            else if (method.Body is { } block)
            {
                body = parser.ExecuteBlock(block, method);
            }
            else
            {
                parser.Error(DiagnosticDescriptors.InvalidDifferentiableFunction, method.Identifier.GetLocation(), method.Identifier.ValueText, "it has no body");
            }
        }
        finally
        {
            callStack.RemoveAt(callStack.Count - 1);
        }
        locals = parser.Locals;
        return parser.Failed ? null : body;
    }

    /// <summary>Local declarations and assignments to locals, then one final return.</summary>
    private Expr? ExecuteBlock(BlockSyntax block, MethodDeclarationSyntax method)
    {
        var statements = block.Statements;
        for (int i = 0; i < statements.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var statement = statements[i];
            switch (statement)
            {
                case ReturnStatementSyntax ret when i == statements.Count - 1 && ret.Expression is not null:
                    return Evaluate(ret.Expression);
                case LocalDeclarationStatementSyntax declaration:
                    Declare(declaration);
                    break;
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                    Assign(assignment);
                    break;
                case ExpressionStatementSyntax { Expression: PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax } increment:
                    Evaluate(increment.Expression);
                    break;
                case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    Error(DiagnosticDescriptors.LoopInDifferentiable, statement.GetLocation(), FirstLine(statement));
                    return null;
                case IfStatementSyntax:
                    Unsupported(statement, "if statement", "write a piecewise function with the conditional operator (c ? a : b)");
                    return null;
                case EmptyStatementSyntax:
                    break;
                default:
                    Unsupported(statement, SyntaxText.KindName(statement),
                        "the body is local declarations and assignments to locals, ending in one return");
                    return null;
            }
            if (Failed)
            {
                return null;
            }
        }
        Error(DiagnosticDescriptors.UnsupportedDifferentiableConstruct, method.Identifier.GetLocation(), "Method body", method.Identifier.ValueText,
            "end the body with 'return <value>;'");
        return null;
    }

    private void Declare(LocalDeclarationStatementSyntax declaration)
    {
        foreach (var variable in declaration.Declaration.Variables)
        {
            string name = variable.Identifier.ValueText;
            if (variable.Initializer is null)
            {
                Unsupported(variable, "local without initializer", "initialize the local where it is declared");
                return;
            }
            if (Evaluate(variable.Initializer.Value) is not Expr value)
            {
                return;
            }
            _scope[name] = value;
            Locals.Add((name, value));
        }
    }

    private void Assign(AssignmentExpressionSyntax assignment)
    {
        if (assignment.Left is not IdentifierNameSyntax target || !_scope.ContainsKey(target.Identifier.ValueText))
        {
            Unsupported(assignment.Left, "assignment target", "assign only to locals of the function");
            return;
        }
        string name = target.Identifier.ValueText;
        if (_parameters.Contains(name))
        {
            Error(DiagnosticDescriptors.ParameterAssignment, assignment.GetLocation(), SyntaxText.Quote(assignment), name);
            return;
        }
        if (Evaluate(assignment.Right) is not Expr right)
        {
            return;
        }
        var current = _scope[name];
        Expr? value = assignment.Kind() switch
        {
            SyntaxKind.SimpleAssignmentExpression => right,
            SyntaxKind.AddAssignmentExpression => new Binary(BinaryOp.Add, current, right),
            SyntaxKind.SubtractAssignmentExpression => new Binary(BinaryOp.Subtract, current, right),
            SyntaxKind.MultiplyAssignmentExpression => new Binary(BinaryOp.Multiply, current, right),
            SyntaxKind.DivideAssignmentExpression => new Binary(BinaryOp.Divide, current, right),
            _ => null,
        };
        if (value is null)
        {
            Unsupported(assignment, SyntaxText.KindName(assignment), "use =, +=, -=, *= or /=");
            return;
        }
        _scope[name] = value;
        Locals.Add((name, value));
    }

    private void Unsupported(SyntaxNode node, string construct, string hint) =>
        Error(DiagnosticDescriptors.UnsupportedDifferentiableConstruct, node.GetLocation(), SyntaxText.Capitalize(construct), SyntaxText.Quote(node), hint);

    private void Error(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        Failed = true;
        _diagnostics.Add(descriptor, location, arguments);
    }

    private static string FirstLine(SyntaxNode node)
    {
        string text = node.ToString();
        int newline = text.IndexOfAny(new[] { '\r', '\n' });
        return SyntaxText.Collapse(newline < 0 ? text : text.Substring(0, newline));
    }
}
