using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Parsing;

/// <summary>
/// Symbolic execution of a <c>[Forward]</c> method: walks its statements in order, maps each local
/// to a graph node, appends one node per op application, unrolls constant-bound <c>for</c> loops by
/// re-running their bodies, and infers every node's width. This file holds the statements; the
/// expressions are in ForwardInterpreter.Expressions.cs.
/// </summary>
internal sealed partial class ForwardInterpreter
{
    /// <summary>Unrolling stops (SG0016) past this many nodes, so that a huge loop cannot exhaust the IDE.</summary>
    public const int MaxNodes = 100_000;

    private const int Poisoned = -1;

    private const string SupportedStatements =
        "[Forward] supports local Tensor variables, assignments (=, +=, -=, *=), constant-bound for loops, blocks and one final return";

    private readonly SemanticModel _model;
    private readonly IReadOnlyDictionary<string, LayerSpec> _layers;
    private readonly ICollection<string> _otherFields;
    private readonly ICollection<string> _brokenLayers;
    private readonly DiagnosticList _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly List<NodeBuilder> _nodes = new();
    private readonly WidthSolver _widths = new();
    /// <summary>Local name to node id; <see cref="Poisoned"/> after its value failed, so later uses stay silent.</summary>
    private readonly Dictionary<string, int> _locals = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, int> _loopCounters = new(System.StringComparer.Ordinal);
    private bool _nodeLimitReported;

    /// <param name="layers">The class's layer fields by name.</param>
    /// <param name="otherFields">Names of the class's other fields (reported as "not a layer").</param>
    /// <param name="brokenLayers">Layer fields whose declaration already has a diagnostic: their calls stay silent.</param>
    public ForwardInterpreter(SemanticModel model, IReadOnlyDictionary<string, LayerSpec> layers, ICollection<string> otherFields,
        ICollection<string> brokenLayers, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        _brokenLayers = brokenLayers;
        _model = model;
        _layers = layers;
        _otherFields = otherFields;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Runs the method. Returns the graph, or null when a diagnostic was reported (the input width
    /// may then be incomplete, so SG0013 is left to a clean run).
    /// </summary>
    /// <param name="inputSize">The width from [Network(InputSize = n)], or 0 to infer it.</param>
    public ForwardGraph? Run(MethodDeclarationSyntax method, ParameterSyntax parameter, int inputSize)
    {
        int errorsBefore = _diagnostics.Count;
        string parameterName = parameter.Identifier.ValueText;
        int inputWidth = inputSize > 0 ? _widths.Known(inputSize) : _widths.NewVariable();
        var input = new NodeBuilder(0, OpKind.Input, new int[0], inputWidth, null, 0, SyntaxText.Line(parameter), parameterName)
        {
            Variable = parameterName,
        };
        _nodes.Add(input);
        _locals[parameterName] = 0;

        int? output = null;
        if (method.ExpressionBody is { } arrow)
        {
            output = Evaluate(arrow.Expression);
        }
        else if (method.Body is { } body)
        {
            output = ExecuteMethodBlock(body, method);
        }
        else
        {
            Unsupported(method.Identifier.GetLocation(), "method without a body", method.Identifier.ValueText, "give the [Forward] method a body");
        }

        if (_diagnostics.Count > errorsBefore || output is null || _brokenLayers.Count > 0)
        {
            return null;
        }
        var nodes = _nodes.Select(n => n.ToSpec(_widths.Resolve(n.Width) ?? 0)).ToEquatableArray();
        bool allKnown = _nodes.All(n => _widths.Resolve(n.Width).HasValue);
        return new ForwardGraph(nodes, output.Value, _widths.Resolve(inputWidth), allKnown, _rolledLoops.ToEquatableArray());
    }

    /// <summary>The method's top-level block: statements in order, ending in the one return.</summary>
    private int? ExecuteMethodBlock(BlockSyntax body, MethodDeclarationSyntax method)
    {
        var statements = body.Statements;
        for (int i = 0; i < statements.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (statements[i] is ReturnStatementSyntax finalReturn)
            {
                if (i < statements.Count - 1)
                {
                    var next = statements[i + 1];
                    Unsupported(next.GetLocation(), "statement after return", SyntaxText.Quote(next), "the return must be the last statement");
                    return null;
                }
                if (finalReturn.Expression is null)
                {
                    Unsupported(finalReturn.GetLocation(), "return statement", SyntaxText.Quote(finalReturn), "return the output tensor");
                    return null;
                }
                return Evaluate(finalReturn.Expression);
            }
            Execute(statements[i]);
        }
        Unsupported(method.Identifier.GetLocation(), "method body", method.Identifier.ValueText, "end the [Forward] method with 'return <output>;'");
        return null;
    }

    private void Execute(StatementSyntax statement)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (statement)
        {
            case BlockSyntax block:
                foreach (var inner in block.Statements)
                {
                    Execute(inner);
                }
                break;
            case EmptyStatementSyntax:
                break;
            case LocalDeclarationStatementSyntax declaration:
                Declare(declaration);
                break;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } tuple }:
                AssignTuple(tuple);
                break;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                Assign(assignment);
                break;
            case ForStatementSyntax loop:
                Unroll(loop);
                break;
            case ReturnStatementSyntax:
                Unsupported(statement.GetLocation(), "return statement", SyntaxText.Quote(statement),
                    "only one return, as the last statement of the method, is supported");
                break;
            default:
                Unsupported(statement.GetLocation(), SyntaxText.KindName(statement), SyntaxText.Quote(statement), SupportedStatements);
                break;
        }
    }

    /// <summary><c>var h = e;</c> or <c>Tensor h = e;</c>; constants (<c>const int T = 3;</c>) are left to the semantic model.</summary>
    private void Declare(LocalDeclarationStatementSyntax declaration)
    {
        if (declaration.IsConst)
        {
            return;
        }
        var type = declaration.Declaration.Type;
        bool isTensor = type.IsVar || IsTensor(_model.GetTypeInfo(type, _cancellationToken).Type);
        if (!isTensor || declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword))
        {
            Unsupported(declaration.GetLocation(), "local declaration", SyntaxText.Quote(declaration),
                "locals in [Forward] are Tensor variables (or const scalars)");
            return;
        }
        foreach (var variable in declaration.Declaration.Variables)
        {
            if (variable.Initializer is null)
            {
                Unsupported(variable.GetLocation(), "local without initializer", variable.Identifier.ValueText,
                    "initialize the variable where it is declared");
                Bind(variable.Identifier.ValueText, null);
                continue;
            }
            Bind(variable.Identifier.ValueText, Evaluate(variable.Initializer.Value));
        }
    }

    /// <summary><c>h = e;</c> and the compound forms <c>+=</c>, <c>-=</c>, <c>*=</c>.</summary>
    private void Assign(AssignmentExpressionSyntax assignment)
    {
        if (assignment.Left is not IdentifierNameSyntax target || !_locals.TryGetValue(target.Identifier.ValueText, out int current))
        {
            Unsupported(assignment.Left.GetLocation(), "assignment target", SyntaxText.Quote(assignment.Left),
                "assign only to local Tensor variables or the [Forward] parameter");
            return;
        }
        string name = target.Identifier.ValueText;
        if (current == Poisoned)
        {
            Evaluate(assignment.Right); // only for its own diagnostics
            return;
        }
        int? result;
        switch (assignment.Kind())
        {
            case SyntaxKind.SimpleAssignmentExpression:
                result = Evaluate(assignment.Right);
                break;
            case SyntaxKind.AddAssignmentExpression:
                result = Binary(assignment, OpKind.Add, current, assignment.Right);
                break;
            case SyntaxKind.SubtractAssignmentExpression:
                result = Binary(assignment, OpKind.Subtract, current, assignment.Right);
                break;
            case SyntaxKind.MultiplyAssignmentExpression:
                result = MultiplyAssign(assignment, current);
                break;
            default:
                Unsupported(assignment.GetLocation(), SyntaxText.KindName(assignment), SyntaxText.Quote(assignment), SupportedStatements);
                return;
        }
        Bind(name, result);
    }

    private int? MultiplyAssign(AssignmentExpressionSyntax assignment, int current)
    {
        if (TryGetScalar(assignment.Right, out double factor))
        {
            return Append(assignment, OpKind.Scale, new[] { current }, _nodes[current].Width, null, factor);
        }
        return Binary(assignment, OpKind.Multiply, current, assignment.Right);
    }

    private void Bind(string name, int? value)
    {
        _locals[name] = value ?? Poisoned;
        if (value is int node && _nodes[node].Variable is null)
        {
            _nodes[node].Variable = name;
        }
    }

    private void Unsupported(Location location, string construct, string text, string hint) =>
        _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, location, SyntaxText.Capitalize(construct), text, hint);

    private static bool IsTensor(ITypeSymbol? type) =>
        type is not null && type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::SymGrad.Tensor";

    /// <summary>A node under construction: its width is a solver variable until the whole method has run.</summary>
    private sealed class NodeBuilder
    {
        public NodeBuilder(int id, OpKind op, int[] operands, int width, string? layer, double constant, int line, string source)
        {
            Id = id;
            Op = op;
            Operands = operands;
            Width = width;
            Layer = layer;
            Constant = constant;
            Line = line;
            Source = source;
        }

        public int Id { get; }
        public OpKind Op { get; }
        public int[] Operands { get; }
        public int Width { get; }
        public string? Layer { get; }
        public double Constant { get; }
        public int Line { get; }
        public string Source { get; }
        public string? Variable { get; set; }
        public ElementFunction? Function { get; set; }

        public NodeSpec ToSpec(int features) =>
            new(Id, Op, Operands.ToEquatableArray(), features, Layer, Constant, Line, Source, Variable, Function);
    }
}

/// <summary>The result of a clean run of <see cref="ForwardInterpreter"/>.</summary>
/// <param name="InputWidth">The input width, or null when nothing constrained it (SG0013).</param>
/// <param name="AllWidthsKnown">False when some node's width stayed unknown.</param>
/// <param name="Loops">The loops kept rolled.</param>
internal sealed record ForwardGraph(EquatableArray<NodeSpec> Nodes, int OutputNode, int? InputWidth, bool AllWidthsKnown, EquatableArray<LoopSpec> Loops);
