using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SymGrad.Generators.Parsing;

// Constant-bound for loops: unrolled by re-running the body with the counter set, so that the
// graph (and the generated code) is straight-line over the iterations.
internal sealed partial class ForwardInterpreter
{
    /// <summary><c>for (int i = C0; i &lt; C1; i++)</c> (or <c>&lt;=</c>, <c>++i</c>, <c>i += 1</c>), unrolled by re-running the body.</summary>
    private void Unroll(ForStatementSyntax loop)
    {
        var header = Location.Create(loop.SyntaxTree, TextSpan.FromBounds(loop.ForKeyword.SpanStart, loop.CloseParenToken.Span.End));
        string headerText = SyntaxText.Collapse(loop.SyntaxTree.GetText(_cancellationToken).ToString(header.SourceSpan));
        if (!TryReadCounter(loop, out string counter, out var startSyntax, out var endSyntax, out bool inclusive))
        {
            Unsupported(header, "for loop", headerText, "write the loop as 'for (int i = C0; i < C1; i++)' with constant bounds");
            return;
        }
        if (!TryGetInt(startSyntax, out int start) || !TryGetInt(endSyntax, out int end))
        {
            _diagnostics.Add(DiagnosticDescriptors.NonConstantLoopBound, header, headerText);
            return;
        }
        long stop = inclusive ? (long)end + 1 : end;
        if (ShouldRoll(stop - start))
        {
            Roll(loop, counter, start, (int)(stop - start), header, headerText);
            return;
        }
        _loopCounters[counter] = start;
        for (long i = start; i < stop; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_nodes.Count > MaxNodes)
            {
                if (!_nodeLimitReported)
                {
                    _nodeLimitReported = true;
                    _diagnostics.Add(DiagnosticDescriptors.LoopTooLong, header, headerText,
                        MaxNodes.ToString(CultureInfo.InvariantCulture));
                }
                break;
            }
            _loopCounters[counter] = (int)i;
            int errorsBefore = _diagnostics.Count;
            Execute(loop.Statement);
            if (_diagnostics.Count > errorsBefore)
            {
                break; // report a mistake in the body once, not once per iteration
            }
        }
        _loopCounters.Remove(counter);
    }

    private static bool TryReadCounter(ForStatementSyntax loop, out string counter, out ExpressionSyntax start, out ExpressionSyntax end, out bool inclusive)
    {
        counter = "";
        start = end = null!;
        inclusive = false;
        if (loop.Declaration is not { Variables.Count: 1 } declaration || loop.Initializers.Count != 0
            || declaration.Variables[0].Initializer is not { } initializer)
        {
            return false;
        }
        counter = declaration.Variables[0].Identifier.ValueText;
        start = initializer.Value;
        if (loop.Condition is not BinaryExpressionSyntax condition
            || !(condition.IsKind(SyntaxKind.LessThanExpression) || condition.IsKind(SyntaxKind.LessThanOrEqualExpression))
            || condition.Left is not IdentifierNameSyntax left || left.Identifier.ValueText != counter)
        {
            return false;
        }
        end = condition.Right;
        inclusive = condition.IsKind(SyntaxKind.LessThanOrEqualExpression);
        return loop.Incrementors.Count == 1 && IsIncrementOfOne(loop.Incrementors[0], counter);
    }

    private static bool IsIncrementOfOne(ExpressionSyntax incrementor, string counter) => incrementor switch
    {
        PostfixUnaryExpressionSyntax post => post.IsKind(SyntaxKind.PostIncrementExpression) && IsName(post.Operand, counter),
        PrefixUnaryExpressionSyntax pre => pre.IsKind(SyntaxKind.PreIncrementExpression) && IsName(pre.Operand, counter),
        AssignmentExpressionSyntax add => add.IsKind(SyntaxKind.AddAssignmentExpression) && IsName(add.Left, counter)
            && add.Right is LiteralExpressionSyntax { Token.Value: int one } && one == 1,
        _ => false,
    };

    private static bool IsName(ExpressionSyntax expression, string name) =>
        expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name;
}
