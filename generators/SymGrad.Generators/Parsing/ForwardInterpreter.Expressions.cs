using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Parsing;

// The expressions of [Forward]: each returns the id of the node holding its value, or null after
// reporting a diagnostic (callers then stay silent, so one mistake gives one diagnostic).
internal sealed partial class ForwardInterpreter
{
    /// <summary>What SG0006 lists as supported.</summary>
    internal static readonly string SupportedOps = string.Join(", ",
        OpCatalog.All.Where(op => OpCatalog.FindActivation(op.Name) is not null).Select(op => op.Name)
            .Concat(new[] { "layer.Forward", "+", "-", "*" }));

    private const string SupportedExpressions =
        "[Forward] expressions are Tensor locals, layer calls (fc.Forward(x)), ops (Relu(x), ...), +, -, * and unary -";

    private int? Evaluate(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression);
            case IdentifierNameSyntax identifier:
                return Lookup(identifier);
            case InvocationExpressionSyntax invocation:
                return Invoke(invocation);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Binary(binary, OpKind.Add, binary.Left, binary.Right);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.SubtractExpression):
                return Binary(binary, OpKind.Subtract, binary.Left, binary.Right);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.MultiplyExpression):
                return Multiply(binary);
            case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.UnaryMinusExpression):
                return Unary(negation, OpKind.Negate, negation.Operand, 0);
            default:
                Unsupported(expression.GetLocation(), SyntaxText.KindName(expression), SyntaxText.Quote(expression), SupportedExpressions);
                return null;
        }
    }

    private int? Lookup(IdentifierNameSyntax identifier)
    {
        string name = identifier.Identifier.ValueText;
        if (_locals.TryGetValue(name, out int node))
        {
            return node == Poisoned ? null : node;
        }
        string construct = _layers.ContainsKey(name) ? "layer field"
            : _loopCounters.ContainsKey(name) ? "loop counter"
            : "identifier";
        string hint = _layers.ContainsKey(name) ? "call the layer, " + name + ".Forward(x)"
            : "only Tensor locals and the [Forward] parameter are tensors here";
        Unsupported(identifier.GetLocation(), construct, name, hint);
        return null;
    }

    private int? Invoke(InvocationExpressionSyntax invocation)
    {
        switch (invocation.Expression)
        {
            case IdentifierNameSyntax local when _locals.TryGetValue(local.Identifier.ValueText, out int value):
                // A delegate local: already reported if its initializer failed, else not a SymGrad op.
                if (value != Poisoned)
                {
                    Unsupported(invocation.GetLocation(), "delegate call", SyntaxText.Quote(invocation), SupportedExpressions);
                }
                return null;
            case IdentifierNameSyntax map when map.Identifier.ValueText == OpCatalog.Get(OpKind.Map).Name:
                return MapCall(invocation);
            case IdentifierNameSyntax { Identifier.ValueText: "Zeros" }:
                return ZerosCall(invocation);
            case IdentifierNameSyntax op:
                return Activation(invocation, op.Identifier.ValueText);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name.Identifier.ValueText: "Step", Expression: IdentifierNameSyntax receiver }
                when _locals.ContainsKey(receiver.Identifier.ValueText):
                return SequenceStep(invocation, receiver);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                when FieldName(access.Expression) is string field:
                return LayerCall(invocation, access, field);
            default:
                Unsupported(invocation.GetLocation(), "method call", SyntaxText.Quote(invocation), SupportedExpressions);
                return null;
        }
    }

    /// <summary><c>fc</c> or <c>this.fc</c> when it names a field of the class, else null.</summary>
    private string? FieldName(ExpressionSyntax receiver)
    {
        string? name = receiver switch
        {
            IdentifierNameSyntax identifier when !_locals.ContainsKey(identifier.Identifier.ValueText) => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
            _ => null,
        };
        return name is not null && (_layers.ContainsKey(name) || _otherFields.Contains(name) || _brokenLayers.Contains(name)) ? name : null;
    }

    /// <summary><c>fc.Forward(x)</c>: a Linear node whose operand must have the layer's input width.</summary>
    private int? LayerCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, string field)
    {
        string method = access.Name.Identifier.ValueText;
        if (_brokenLayers.Contains(field))
        {
            // The field's declaration has its diagnostic; evaluate the operand for its own mistakes only.
            if (invocation.ArgumentList.Arguments.Count > 0)
            {
                Evaluate(invocation.ArgumentList.Arguments[0].Expression);
            }
            return null;
        }
        if (_layers.TryGetValue(field, out var cell) && cell.Gates > 0)
        {
            return CellCall(invocation, access, cell);
        }
        if (!_layers.TryGetValue(field, out var layer) || method != OpCatalog.Get(OpKind.Linear).Name)
        {
            _diagnostics.Add(DiagnosticDescriptors.UnknownOp, access.GetLocation(), SyntaxText.Quote(access), SupportedOps);
            return null;
        }
        if (invocation.ArgumentList.Arguments.Count != 1)
        {
            Unsupported(invocation.GetLocation(), "layer call", SyntaxText.Quote(invocation), "a layer takes one tensor: " + field + ".Forward(x)");
            return null;
        }
        if (Evaluate(invocation.ArgumentList.Arguments[0].Expression) is not int operand)
        {
            return null;
        }
        int operandWidth = _nodes[operand].Width;
        if (layer.Kind == LayerKind.Dropout)
        {
            return Append(invocation, OpKind.Dropout, new[] { operand }, operandWidth, layer.Name, 0); // any width
        }
        if (!_widths.Unify(operandWidth, _widths.Known(layer.Inputs)))
        {
            ShapeMismatch(invocation, _widths.Resolve(operandWidth), layer.Inputs);
            return null;
        }
        return Append(invocation, LayerOp(layer.Kind), new[] { operand }, _widths.Known(layer.Outputs), layer.Name, 0);
    }

    private static OpKind LayerOp(LayerKind kind) => kind switch
    {
        LayerKind.BatchNorm => OpKind.BatchNorm,
        LayerKind.LayerNorm => OpKind.LayerNorm,
        LayerKind.Dropout => OpKind.Dropout,
        _ => OpKind.Linear,
    };

    /// <summary><c>Relu(x)</c>, <c>LeakyRelu(x)</c>, <c>LeakyRelu(x, 0.2f)</c>, ...: one tensor, then the op's constant if it has one.</summary>
    private int? Activation(InvocationExpressionSyntax invocation, string name)
    {
        var op = OpCatalog.FindActivation(name);
        if (op is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.UnknownOp, invocation.Expression.GetLocation(), name, SupportedOps);
            return null;
        }
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count < 1 || arguments.Count > 1 + op.ConstantArguments)
        {
            string usage = op.ConstantArguments == 0 ? name + "(x)" : name + "(x) or " + name + "(x, constant)";
            Unsupported(invocation.GetLocation(), "op call", SyntaxText.Quote(invocation), "call it as " + usage);
            return null;
        }
        double constant = op.ConstantArguments == 0 ? 0 : OpCatalog.DefaultConstant(op.Kind);
        if (arguments.Count == 2 && !TryGetScalar(arguments[1].Expression, out constant))
        {
            Unsupported(arguments[1].GetLocation(), "non-constant op argument", SyntaxText.Quote(arguments[1]),
                "the constant of " + name + " must be a compile-time constant (a literal or a const)");
            return null;
        }
        return Unary(invocation, op.Kind, arguments[0].Expression, constant);
    }

    private int? Unary(ExpressionSyntax syntax, OpKind op, ExpressionSyntax operandSyntax, double constant)
    {
        if (Evaluate(operandSyntax) is not int operand)
        {
            return null;
        }
        return Append(syntax, op, new[] { operand }, _nodes[operand].Width, null, constant);
    }

    /// <summary><c>a * b</c>: Multiply for two tensors, Scale when one side is a numeric constant.</summary>
    private int? Multiply(BinaryExpressionSyntax binary)
    {
        if (TryGetScalar(binary.Left, out double left))
        {
            return Unary(binary, OpKind.Scale, binary.Right, left);
        }
        if (TryGetScalar(binary.Right, out double right))
        {
            return Unary(binary, OpKind.Scale, binary.Left, right);
        }
        return Binary(binary, OpKind.Multiply, binary.Left, binary.Right);
    }

    private int? Binary(ExpressionSyntax syntax, OpKind op, ExpressionSyntax leftSyntax, ExpressionSyntax rightSyntax)
    {
        int? left = Evaluate(leftSyntax);
        int? right = Evaluate(rightSyntax);
        return left is int l && right is int r ? Binary(syntax, op, l, r) : null;
    }

    private int? Binary(ExpressionSyntax syntax, OpKind op, int left, ExpressionSyntax rightSyntax) =>
        Evaluate(rightSyntax) is int right ? Binary(syntax, op, left, right) : null;

    /// <summary>An element-wise binary op: both operands must have one width.</summary>
    private int? Binary(ExpressionSyntax syntax, OpKind op, int left, int right)
    {
        int leftWidth = _nodes[left].Width;
        int rightWidth = _nodes[right].Width;
        if (!_widths.Unify(leftWidth, rightWidth))
        {
            ShapeMismatch(syntax, _widths.Resolve(leftWidth), _widths.Resolve(rightWidth));
            return null;
        }
        return Append(syntax, op, new[] { left, right }, leftWidth, null, 0);
    }

    private int Append(ExpressionSyntax syntax, OpKind op, int[] operands, int width, string? layer, double constant)
    {
        var node = new NodeBuilder(_nodes.Count, op, operands, width, layer, constant, SyntaxText.Line(syntax), SyntaxText.Quote(syntax));
        _nodes.Add(node);
        return node.Id;
    }

    private void ShapeMismatch(ExpressionSyntax syntax, int? actual, int? expected) =>
        _diagnostics.Add(DiagnosticDescriptors.ShapeMismatch, syntax.GetLocation(), SyntaxText.Quote(syntax),
            SyntaxText.Shape(actual), SyntaxText.Shape(expected));

    /// <summary>A numeric compile-time constant (a literal, a const, a constant expression), as a double.</summary>
    private bool TryGetScalar(ExpressionSyntax expression, out double value) =>
        Constants.TryToDouble(_model.GetConstantValue(expression, _cancellationToken), out value);

    /// <summary>An integral compile-time constant that fits an int (loop bounds).</summary>
    private bool TryGetInt(ExpressionSyntax expression, out int value) =>
        Constants.TryToInt(_model.GetConstantValue(expression, _cancellationToken), out value);
}
