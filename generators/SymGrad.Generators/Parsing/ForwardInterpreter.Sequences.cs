using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Parsing;

// Sequences: x.Step(t, F) slices a time step out of the input, Zeros(n) starts a state, and a
// recurrent cell's Step call is expanded into its equations (PyTorch's gate order), so that the
// unrolled loop is straight-line code made of ordinary nodes: Linear, Add, Slice, Sigmoid, Tanh, ...
internal sealed partial class ForwardInterpreter
{
    private const string CellUsage = "write 'h = rnn.Step(x_t, h)', 'h = gru.Step(x_t, h)' or '(h, c) = lstm.Step(x_t, h, c)'";

    /// <summary><c>x.Step(t, F)</c>: columns [t F, (t + 1) F) of a tensor whose width is known.</summary>
    private int? SequenceStep(InvocationExpressionSyntax invocation, IdentifierNameSyntax receiver)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != 2 || !TryGetIndex(arguments[0].Expression, out int t) || !TryGetIndex(arguments[1].Expression, out int features) || features < 1)
        {
            Unsupported(invocation.GetLocation(), "time step", SyntaxText.Quote(invocation),
                "write x.Step(t, F) with t a loop counter or constant (expressions of them with +, -, *) and F a constant >= 1");
            return null;
        }
        if (Lookup(receiver) is not int operand)
        {
            return null;
        }
        if (_widths.Resolve(_nodes[operand].Width) is not int width)
        {
            _diagnostics.Add(DiagnosticDescriptors.SequenceWidthUnknown, invocation.GetLocation(), SyntaxText.Quote(invocation), receiver.Identifier.ValueText);
            return null;
        }
        long start = (long)t * features;
        if (t < 0 || start + features > width)
        {
            _diagnostics.Add(DiagnosticDescriptors.StepOutOfRange, invocation.GetLocation(), SyntaxText.Quote(invocation),
                start.ToString(CultureInfo.InvariantCulture), (start + features).ToString(CultureInfo.InvariantCulture), width.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        return Append(invocation, OpKind.Slice, new[] { operand }, _widths.Known(features), null, start);
    }

    /// <summary><c>Zeros(n)</c>: a [batch, n] constant.</summary>
    private int? ZerosCall(InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != 1 || !TryGetInt(arguments[0].Expression, out int features) || features < 1)
        {
            Unsupported(invocation.GetLocation(), "op call", SyntaxText.Quote(invocation), "call it as Zeros(n) with n a constant >= 1");
            return null;
        }
        return Append(invocation, OpKind.Zeros, new int[0], _widths.Known(features), null, 0);
    }

    /// <summary><c>rnn.Step(x, h)</c> or <c>gru.Step(x, h)</c> as an expression: the new hidden state.</summary>
    private int? CellCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, LayerSpec cell)
    {
        if (access.Name.Identifier.ValueText != "Step" || cell.Kind == LayerKind.Lstm)
        {
            Unsupported(invocation.GetLocation(), "recurrent cell call", SyntaxText.Quote(invocation), CellUsage);
            return null;
        }
        return CellStep(invocation, cell, out _);
    }

    /// <summary><c>(h, c) = lstm.Step(x, h, c);</c> or <c>var (h2, c2) = ...</c>: binds both new states.</summary>
    private void AssignTuple(AssignmentExpressionSyntax assignment)
    {
        var names = TupleNames(assignment.Left);
        if (names is null || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            || assignment.Right is not InvocationExpressionSyntax invocation
            || invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
            || FieldName(access.Expression) is not string field
            || !_layers.TryGetValue(field, out var cell) || cell.Kind != LayerKind.Lstm || access.Name.Identifier.ValueText != "Step")
        {
            Unsupported(assignment.GetLocation(), "tuple assignment", SyntaxText.Quote(assignment), CellUsage);
            return;
        }
        int? h = CellStep(invocation, cell, out int? c);
        Bind(names.Value.First, h);
        Bind(names.Value.Second, h is null ? null : c);
    }

    private static (string First, string Second)? TupleNames(ExpressionSyntax left)
    {
        switch (left)
        {
            case TupleExpressionSyntax { Arguments.Count: 2 } tuple
                when tuple.Arguments[0].Expression is IdentifierNameSyntax a && tuple.Arguments[1].Expression is IdentifierNameSyntax b:
                return (a.Identifier.ValueText, b.Identifier.ValueText);
            case DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax { Variables.Count: 2 } designation }
                when designation.Variables[0] is SingleVariableDesignationSyntax a && designation.Variables[1] is SingleVariableDesignationSyntax b:
                return (a.Identifier.ValueText, b.Identifier.ValueText);
            default:
                return null;
        }
    }

    /// <summary>Expands one step of <paramref name="cell"/>; returns h' (and c' for an LSTM).</summary>
    private int? CellStep(InvocationExpressionSyntax invocation, LayerSpec cell, out int? cellState)
    {
        cellState = null;
        var arguments = invocation.ArgumentList.Arguments;
        int expected = cell.Kind == LayerKind.Lstm ? 3 : 2;
        if (arguments.Count != expected)
        {
            Unsupported(invocation.GetLocation(), "recurrent cell call", SyntaxText.Quote(invocation), CellUsage);
            return null;
        }
        var operands = new int[expected];
        bool failed = false;
        for (int k = 0; k < expected; k++)
        {
            if (Evaluate(arguments[k].Expression) is int value)
            {
                operands[k] = value;
            }
            else
            {
                failed = true;
            }
        }
        if (failed)
        {
            return null;
        }
        for (int k = 0; k < expected; k++)
        {
            int width = k == 0 ? cell.Inputs : cell.Outputs;
            if (!_widths.Unify(_nodes[operands[k]].Width, _widths.Known(width)))
            {
                ShapeMismatch(arguments[k].Expression, _widths.Resolve(_nodes[operands[k]].Width), width);
                return null;
            }
        }
        int hidden = cell.Outputs;
        int rows = cell.Gates * hidden;
        int input = Append(invocation, OpKind.Linear, new[] { operands[0] }, _widths.Known(rows), cell.Name + ".InputHidden", 0);
        int recurrent = Append(invocation, OpKind.Linear, new[] { operands[1] }, _widths.Known(rows), cell.Name + ".HiddenHidden", 0);
        int Gate(int block, int of) => Append(invocation, OpKind.Slice, new[] { of }, _widths.Known(hidden), null, block * hidden);
        int Op(OpKind op, params int[] of) => Append(invocation, op, of, _widths.Known(hidden), null, 0);
        switch (cell.Kind)
        {
            case LayerKind.Rnn:
                return Op(OpKind.Tanh, Op(OpKind.Add, input, recurrent));
            case LayerKind.Gru:
                int r = Op(OpKind.Sigmoid, Op(OpKind.Add, Gate(0, input), Gate(0, recurrent)));
                int z = Op(OpKind.Sigmoid, Op(OpKind.Add, Gate(1, input), Gate(1, recurrent)));
                int n = Op(OpKind.Tanh, Op(OpKind.Add, Gate(2, input), Op(OpKind.Multiply, r, Gate(2, recurrent))));
                return Op(OpKind.Add, n, Op(OpKind.Multiply, z, Op(OpKind.Subtract, operands[1], n)));
            default:
                int gates = Append(invocation, OpKind.Add, new[] { input, recurrent }, _widths.Known(rows), null, 0);
                int i = Op(OpKind.Sigmoid, Gate(0, gates));
                int f = Op(OpKind.Sigmoid, Gate(1, gates));
                int g = Op(OpKind.Tanh, Gate(2, gates));
                int o = Op(OpKind.Sigmoid, Gate(3, gates));
                int next = Op(OpKind.Add, Op(OpKind.Multiply, f, operands[2]), Op(OpKind.Multiply, i, g));
                cellState = next;
                return Op(OpKind.Multiply, o, Op(OpKind.Tanh, next));
        }
    }

    /// <summary>An int from constants and the current loop counters, with +, - and *.</summary>
    private bool TryGetIndex(ExpressionSyntax expression, out int value)
    {
        value = 0;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return TryGetIndex(parenthesized.Expression, out value);
            case IdentifierNameSyntax identifier when _loopCounters.TryGetValue(identifier.Identifier.ValueText, out value):
                return true;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression)
                || binary.IsKind(SyntaxKind.MultiplyExpression):
                if (!TryGetIndex(binary.Left, out int left) || !TryGetIndex(binary.Right, out int right))
                {
                    return false;
                }
                long result = binary.IsKind(SyntaxKind.AddExpression) ? (long)left + right
                    : binary.IsKind(SyntaxKind.SubtractExpression) ? (long)left - right : (long)left * right;
                if (result < int.MinValue || result > int.MaxValue)
                {
                    return false;
                }
                value = (int)result;
                return true;
            default:
                return TryGetInt(expression, out value);
        }
    }
}
