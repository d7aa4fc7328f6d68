using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Parsing;

// Map(x, F): a [Differentiable] scalar function applied element-wise.
internal sealed partial class ForwardInterpreter
{
    private int? MapCall(InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != 2)
        {
            Unsupported(invocation.GetLocation(), "op call", SyntaxText.Quote(invocation), "call it as Map(x, MyMath.F) with a [Differentiable] function F");
            return null;
        }
        int? operand = Evaluate(arguments[0].Expression);
        var function = ElementFunctionReader.Read(arguments[1].Expression, 1, "Map", _model, _diagnostics, _cancellationToken);
        if (operand is not int x || function is null)
        {
            return null;
        }
        int id = Append(invocation, OpKind.Map, new[] { x }, _nodes[x].Width, null, 0);
        _nodes[id].Function = function;
        return id;
    }
}
